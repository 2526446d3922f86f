package yardstick.reports.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /** The authored parts in {@code paths} (the update mask, or all of them) to take from this command. */
    public record UpdateReport(ReadingReports.ReadReport report, Set<String> paths, String etag, String executiveSummary, String background,
                               List<Recommendation> recommendations, List<StandardNarrative> narratives, String correctionNote) {
    }

    private final ReadingReports reading;
    private final ReportStore reports;
    private final PublicationStore publications;

    UpdatingReport(ReadingReports reading, ReportStore reports, PublicationStore publications) {
        this.reading = reading;
        this.reports = reports;
        this.publications = publications;
    }

    @Transactional
    public Report update(Caller caller, UpdateReport command) {
        Report current = reading.report(caller, command.report());
        List<Refused.FieldProblem> problems = new ArrayList<>();
        for (String path : command.paths()) {
            if (!AUTHORED.contains(path)) {
                problems.add(new Refused.FieldProblem("update_mask", "'" + path + "' cannot be updated: only the authors' words can ("
                        + String.join(", ", AUTHORED.stream().sorted().toList()) + "); figures come from the ratings snapshot"));
            }
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
        return revise(caller, command, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private Report revise(Caller caller, UpdateReport command, Instant now) {
        UUID id = command.report().id();
        String name = ReportNames.PREFIX + id;
        VersionOfReport latest = reports.latestForUpdate(id).orElseThrow(() -> new Refused.NotFound(name));
        boolean everPublished = publications.latestOf(id).isPresent();
        Optional<Authoring.Refusal> refusal = Authoring.refusal(latest.version(), latest.published(), everPublished, command.etag(),
                command.correctionNote());
        if (refusal.isPresent()) {
            throw new Refused.RulesBroken(refusal.get().type(), name, refusal.get().description());
        }
        String correctionNote = Authoring.nextCorrectionNote(latest.published(), latest.correctionNote(), command.correctionNote());
        int version = latest.version() + 1;
        Report next = authored(ReadingReports.parse(latest.body(), id), command).toBuilder()
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
        Report.Builder next = latest.toBuilder();
        if (command.paths().contains("executive_summary")) {
            next.setExecutiveSummary(command.executiveSummary());
        }
        if (command.paths().contains("background")) {
            next.setBackground(command.background());
        }
        if (command.paths().contains("recommendations")) {
            next.clearRecommendations().addAllRecommendations(command.recommendations());
        }
        if (command.paths().contains("narratives")) {
            var narratives = command.narratives().stream()
                    .collect(Collectors.toMap(StandardNarrative::getStandard, StandardNarrative::getNarrative));
            for (StandardSection.Builder section : next.getStandardsBuilderList()) {
                section.setNarrative(narratives.getOrDefault(section.getStandard(), ""));
            }
        }
        return next.build();
    }

    static List<Authoring.Recommendation> recommendations(List<Recommendation> recommendations) {
        return recommendations.stream().map(r -> new Authoring.Recommendation(r.getNumber(), r.getAddressedTo(), r.getText())).toList();
    }
}
