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
 * The latest version of a report frozen and published with every rendition: refused if the etag is
 * stale, if it is already published or not yet complete, or if it corrects a publication whose
 * embargo would outlast its own.
 *
 * <p>Rendering (the PDF takes the longest) is done first, {@link #prepare}, outside any transaction
 * and without a connection, so that neither the report's row lock nor a pooled connection is held
 * while it runs; {@link #keep} then checks the same rules again under the row lock, in a short
 * transaction, and stores. A version updated meanwhile has a new etag, and is refused.
 */
@Singleton
public class PublishingReport {

    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.REPORT_FORMAT_HTML, ReportFormat.REPORT_FORMAT_MARKDOWN,
            ReportFormat.REPORT_FORMAT_JSON, ReportFormat.REPORT_FORMAT_PDF);

    /** The report's latest version, as reviewed ({@code etag}), public from {@code embargoUntil} if given. */
    public record PublishReport(UUID report, String etag, Optional<Instant> embargoUntil) {
    }

    /** A publication ready to keep: the version reviewed, as published, and its renditions. */
    public record Prepared(PublishReport command, Report report, List<PublishedRendition> renditions, List<Rendition> described) {
    }

    private final ReportStore reports;
    private final PublicationStore publications;
    private final ReportRenderer renderer;

    PublishingReport(ReportStore reports, PublicationStore publications, ReportRenderer renderer) {
        this.reports = reports;
        this.publications = publications;
        this.renderer = renderer;
    }

    /** Checks the rules on the latest version as it stands and renders it, holding no lock and no connection while it renders. */
    public Prepared prepare(PublishReport command) {
        Report report = publishable(command, reports.latest(command.report())).toBuilder().setPublished(true).build();
        List<PublishedRendition> renditions = new ArrayList<>();
        List<Rendition> described = new ArrayList<>();
        for (ReportFormat format : FORMATS) {
            RenderReportResponse made = renderer.rendition(report, format);
            String sha256 = ReportRenditions.sha256(made.getContent().toByteArray());
            renditions.add(new PublishedRendition(ReportRenditions.stored(format), made.getContentType(), sha256,
                    made.getContent().toByteArray()));
            described.add(Rendition.newBuilder().setFormat(format).setContentType(made.getContentType())
                    .setSha256(sha256).setSize(made.getContent().size()).build());
        }
        return new Prepared(command, report, List.copyOf(renditions), List.copyOf(described));
    }

    /** Publishes what {@link #prepare} made, if the rules still hold under the report's row lock. */
    @Transactional
    public yardstick.reports.v1.Publication keep(Caller caller, Prepared prepared) {
        PublishReport command = prepared.command();
        publishable(command, reports.latestForUpdate(command.report()));
        UUID reportId = command.report();
        // A report published before is corrected by this publication, which replaces the latest one.
        Optional<Publication> corrected = publications.latestOf(reportId);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Report report = prepared.report();
        yardstick.reports.v1.Publication.Builder publication = yardstick.reports.v1.Publication.newBuilder()
                .setName(ReportNames.PUBLICATIONS + id)
                .setReport(ReportNames.PREFIX + reportId)
                .setReportVersion(report.getVersion())
                .setInspection(report.getInspection())
                .setServiceInspected(report.getServiceInspected())
                .setPublishTime(Times.timestamp(now))
                .setCorrectionNote(report.getCorrectionNote())
                .addAllRenditions(prepared.described());
        corrected.ifPresent(c -> publication.setCorrects(ReportNames.PUBLICATIONS + c.id()));
        command.embargoUntil().ifPresent(e -> publication.setEmbargoUntil(Times.timestamp(e)));
        publications.add(new PublicationStore.PublicationRow(id, reportId, report.getVersion(), report.getInspection(),
                report.getServiceInspected(), now, command.embargoUntil(), corrected.map(Publication::id), report.getCorrectionNote(),
                report.toByteArray(), corrected.map(Publication::firstPublishTime).orElse(now)), prepared.renditions(), caller.subject());
        return publication.build();
    }

    /** The latest version's report, if it may be published as {@code command} asks; else the refusal. */
    private Report publishable(PublishReport command, Optional<VersionOfReport> found) {
        UUID reportId = command.report();
        String name = ReportNames.PREFIX + reportId;
        VersionOfReport latest = found.orElseThrow(() -> new Refused.NotFound(name));
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
        Optional<Publication> corrected = publications.latestOf(reportId);
        Authoring.embargoRefusal(corrected.flatMap(Publication::embargoUntil), command.embargoUntil(), Instant.now()).ifPresent(r -> {
            throw new Refused.RulesBroken(r.type(), name, r.description());
        });
        return report;
    }
}
