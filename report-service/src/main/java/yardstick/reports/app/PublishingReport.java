package yardstick.reports.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.reports.domain.Authoring;
import yardstick.reports.domain.Publication;
import yardstick.reports.domain.PublishedRendition;
import yardstick.reports.domain.VersionOfReport;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.Rendition;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;

/**
 * The latest version of a report frozen and published with every rendition, in one transaction
 * holding the report's row lock: refused if the etag is stale, if it is already published or not
 * yet complete, or if it corrects a publication whose embargo would outlast its own.
 */
@Singleton
public class PublishingReport {

    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.REPORT_FORMAT_HTML, ReportFormat.REPORT_FORMAT_MARKDOWN,
            ReportFormat.REPORT_FORMAT_JSON, ReportFormat.REPORT_FORMAT_PDF);

    /** The report's latest version, as reviewed ({@code etag}), public from {@code embargoUntil} if given. */
    public record PublishReport(UUID report, String etag, Optional<Instant> embargoUntil) {
    }

    private final ReportStore reports;
    private final PublicationStore publications;

    PublishingReport(ReportStore reports, PublicationStore publications) {
        this.reports = reports;
        this.publications = publications;
    }

    @Transactional
    public yardstick.reports.v1.Publication publish(Caller caller, PublishReport command) {
        UUID reportId = command.report();
        String name = ReportNames.PREFIX + reportId;
        VersionOfReport latest = reports.latestForUpdate(reportId).orElseThrow(() -> new Refused.NotFound(name));
        if (!Authoring.etag(latest.version()).equals(command.etag())) {
            throw new Refused.RulesBroken("ETAG", name, "the report changed since it was read (its etag is now "
                    + Authoring.etag(latest.version()) + "); review the latest version before publishing it");
        }
        Report report = ReadingReports.parse(latest.body(), reportId);
        if (latest.published()) {
            String publication = publications.latestOf(reportId).map(p -> ReportNames.PUBLICATIONS + p.id()).orElse("a publication");
            throw new Refused.RulesBroken("PUBLISHED", name, "version " + latest.version()
                    + " is already published as " + publication + "; to change it, update the report with a correction note");
        }
        List<Authoring.Refusal> missing = Authoring.unpublishable(report.getExecutiveSummary(),
                UpdatingReport.recommendations(report.getRecommendationsList()));
        if (!missing.isEmpty()) {
            throw new Refused.RulesBroken(missing.stream().map(m -> new Refused.BrokenRule(m.type(), name, m.description())).toList());
        }
        // A report published before is corrected by this publication, which replaces the latest one.
        Optional<Publication> corrected = publications.latestOf(reportId);
        Authoring.embargoRefusal(corrected.flatMap(Publication::embargoUntil), command.embargoUntil(), Instant.now()).ifPresent(r -> {
            throw new Refused.RulesBroken(r.type(), name, r.description());
        });
        return keep(caller, report, corrected, command.embargoUntil(), reportId);
    }

    private yardstick.reports.v1.Publication keep(Caller caller, Report latest, Optional<Publication> corrected, Optional<Instant> embargo,
                                                  UUID reportId) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Report report = latest.toBuilder().setPublished(true).build();
        yardstick.reports.v1.Publication.Builder publication = yardstick.reports.v1.Publication.newBuilder()
                .setName(ReportNames.PUBLICATIONS + id)
                .setReport(ReportNames.PREFIX + reportId)
                .setReportVersion(report.getVersion())
                .setInspection(report.getInspection())
                .setServiceInspected(report.getServiceInspected())
                .setPublishTime(Times.timestamp(now))
                .setCorrectionNote(report.getCorrectionNote());
        corrected.ifPresent(c -> publication.setCorrects(ReportNames.PUBLICATIONS + c.id()));
        embargo.ifPresent(e -> publication.setEmbargoUntil(Times.timestamp(e)));
        List<PublishedRendition> renditions = new ArrayList<>();
        for (ReportFormat format : FORMATS) {
            RenderReportResponse made = ReportRenditions.rendition(report, format);
            String sha256 = ReportRenditions.sha256(made.getContent().toByteArray());
            renditions.add(new PublishedRendition(ReportRenditions.stored(format), made.getContentType(), sha256,
                    made.getContent().toByteArray()));
            publication.addRenditions(Rendition.newBuilder().setFormat(format).setContentType(made.getContentType())
                    .setSha256(sha256).setSize(made.getContent().size()));
        }
        publications.add(new PublicationStore.PublicationRow(id, reportId, report.getVersion(), report.getInspection(),
                report.getServiceInspected(), now, embargo, corrected.map(Publication::id), report.getCorrectionNote(),
                report.toByteArray(), corrected.map(Publication::firstPublishTime).orElse(now)), renditions, caller.subject());
        return publication.build();
    }
}
