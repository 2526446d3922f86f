package yardstick.reports.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.reports.domain.Authoring;
import yardstick.reports.domain.VersionOfReport;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.Recommendation;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.StandardNarrative;
import yardstick.reports.v1.StandardSection;

/**
 * The authors' words changed: a new version from the latest, in one transaction holding the
 * report's row lock, if the etag is current and a published version is only corrected.
 */
@Singleton
public class UpdatingReport {

    /** What only the authors write; figures come from the ratings snapshot. */
    public static final Set<String> AUTHORED = Set.of("executive_summary", "background", "recommendations", "narratives");

    /** An update_mask's path naming every authored part (AIP-134's full replacement). */
    public static final String EVERY_PART = "*";

    /**
     * The authored parts to take from this command: those {@code mask} names (the update_mask), or
     * without one, those sent (AIP-134: a part left empty is kept, never cleared).
     */
    public record UpdateReport(ReadingReports.ReadReport report, Optional<Set<String>> mask, String etag, String executiveSummary,
                               String background, List<Recommendation> recommendations, List<StandardNarrative> narratives,
                               String correctionNote) {

        /** The parts replaced: named by the mask ("*" for all), or sent. */
        Set<String> paths() {
            if (mask.isPresent()) {
                return mask.get().contains(EVERY_PART) ? AUTHORED : mask.get();
            }
            Set<String> sent = new java.util.HashSet<>();
            if (!executiveSummary.isEmpty()) {
                sent.add("executive_summary");
            }
            if (!background.isEmpty()) {
                sent.add("background");
            }
            if (!recommendations.isEmpty()) {
                sent.add("recommendations");
            }
            if (!narratives.isEmpty()) {
                sent.add("narratives");
            }
            return sent;
        }
    }

    private final ReadingReports reading;
    private final ReportStore reports;
    private final PublicationStore publications;

    private final Clock clock;

    UpdatingReport(ReadingReports reading, ReportStore reports, PublicationStore publications, Clock clock) {
        this.reading = reading;
        this.reports = reports;
        this.publications = publications;
        this.clock = clock;
    }

    @Transactional
    public Report update(Caller caller, UpdateReport command) {
        Report current = reading.report(caller, command.report());
        List<Refused.FieldProblem> problems = new ArrayList<>();
        Set<String> paths = command.paths();
        for (String path : command.mask().orElse(Set.of())) {
            if (!AUTHORED.contains(path) && !EVERY_PART.equals(path)) {
                problems.add(new Refused.FieldProblem("update_mask", "'" + path + "' cannot be updated: only the authors' words can ("
                        + String.join(", ", AUTHORED.stream().sorted().toList()) + "); figures come from the ratings snapshot"));
            }
        }
        if (paths.isEmpty()) {
            problems.add(new Refused.FieldProblem("update_mask", "names nothing to update and no authored part was sent: send "
                    + "executive_summary, background, recommendations or narratives, or name the parts to clear"));
        }
        if (command.etag().isBlank()) {
            problems.add(new Refused.FieldProblem("etag", "is required: the etag of the report as last read"));
        }
        Set<String> standards = current.getStandardsList().stream().map(StandardSection::getStandard).collect(Collectors.toSet());
        Authoring.problems(command.executiveSummary(), command.background(), recommendations(command.recommendations()),
                        command.narratives().stream().map(n -> new Authoring.Narrative(n.getStandard(), n.getNarrative())).toList(),
                        standards, caller.subject())
                .forEach(p -> problems.add(new Refused.FieldProblem(p.field(), p.description())));
        if (!problems.isEmpty()) {
            throw new Refused.BadRequest(problems);
        }
        return revise(caller, command.report().id(), command.etag(), command.correctionNote(), latest -> authored(latest, command));
    }

    /**
     * The report's next version, {@code change} made to its latest, by the caller: in the caller's transaction, holding the
     * report's row lock, refused if the etag is stale or a published version is changed without a correction note.
     */
    Report revise(Caller caller, UUID id, String etag, String givenCorrectionNote, java.util.function.UnaryOperator<Report> change) {
        Instant now = ChangingPlan.now(clock);
        String name = ReportNames.PREFIX + id;
        VersionOfReport latest = reports.latestForUpdate(id).orElseThrow(() -> new Refused.NotFound(name));
        boolean everPublished = publications.latestOf(id).isPresent();
        Optional<Authoring.Refusal> refusal = Authoring.refusal(latest.version(), latest.published(), everPublished, etag,
                givenCorrectionNote);
        if (refusal.isPresent()) {
            throw new Refused.RulesBroken(refusal.get().type(), name, refusal.get().description());
        }
        String correctionNote = Authoring.nextCorrectionNote(latest.published(), latest.correctionNote(), givenCorrectionNote);
        int version = latest.version() + 1;
        Report next = change.apply(ReadingReports.parse(latest.body(), id)).toBuilder()
                .setVersion(version)
                .setUpdatedBy(caller.subject())
                .setUpdateTime(Times.timestamp(now))
                .setCorrectionNote(correctionNote)
                .setPublished(false)
                .setEtag(Authoring.etag(version))
                .build();
        reports.addVersion(id, version, next.toByteArray(), caller.subject(), now, correctionNote);
        return next;
    }

    private static Report authored(Report latest, UpdateReport command) {
        Set<String> paths = command.paths();
        Report.Builder next = latest.toBuilder();
        if (paths.contains("executive_summary")) {
            next.setExecutiveSummary(command.executiveSummary());
        }
        if (paths.contains("background")) {
            next.setBackground(command.background());
        }
        if (paths.contains("recommendations")) {
            next.clearRecommendations().addAllRecommendations(command.recommendations());
        }
        if (paths.contains("narratives")) {
            var narratives = command.narratives().stream()
                    .collect(Collectors.toMap(StandardNarrative::getStandard, StandardNarrative::getNarrative));
            for (StandardSection.Builder section : next.getStandardsBuilderList()) {
                // Named in the mask, the narratives are replaced whole; sent without one, only the standards sent change.
                String kept = command.mask().isPresent() ? "" : section.getNarrative();
                section.setNarrative(narratives.getOrDefault(section.getStandard(), kept));
            }
        }
        return next.build();
    }

    static List<Authoring.Recommendation> recommendations(List<Recommendation> recommendations) {
        return recommendations.stream().map(r -> new Authoring.Recommendation(r.getNumber(), r.getAddressedTo(), r.getText())).toList();
    }
}
