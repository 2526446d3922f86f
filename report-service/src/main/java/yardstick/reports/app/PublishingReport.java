package yardstick.reports.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.NeighboursAskedOnce;
import yardstick.platform.store.RequestRecords;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.reports.domain.Authoring;
import yardstick.reports.domain.FactualAccuracyCheck;
import yardstick.reports.domain.Publication;
import yardstick.reports.domain.PublishedRendition;
import yardstick.reports.domain.VersionOfReport;
import yardstick.reports.peers.RatingServiceClient;
import yardstick.reports.store.FactualAccuracyStore;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.PublishReportResponse;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.Rendition;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;

/**
 * The latest version of a report frozen and published with every rendition: refused if the etag is
 * stale, if it is already published or not yet complete, if the publisher wrote it (four eyes), if
 * its ratings are no longer the inspection's latest, if its factual-accuracy check is not complete
 * (first publication only), or if it corrects a publication whose embargo would outlast its own.
 *
 * <p>A retry (AIP-155) is answered from the request's record before rating-service is asked for the
 * latest snapshot. Otherwise the rules are checked and the version rendered (the PDF takes the
 * longest) outside any transaction and without a connection, so that neither the report's row lock
 * nor a pooled connection is held while it renders; the same rules are then checked again under the
 * row lock, in the short transaction that stores the publication. A version updated meanwhile has a
 * new etag, and is refused.
 */
@Singleton
public class PublishingReport {

    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.REPORT_FORMAT_HTML, ReportFormat.REPORT_FORMAT_MARKDOWN,
            ReportFormat.REPORT_FORMAT_JSON, ReportFormat.REPORT_FORMAT_PDF);

    /**
     * The report's latest version, as reviewed ({@code etag}), public from {@code embargoUntil} if given.
     *
     * @param asSent the request as the caller sent it: a retry must be the same request
     */
    public record PublishReport(UUID report, String etag, Optional<Instant> embargoUntil, String requestId, PublishReportRequest asSent) {
    }

    /** What was settled before the transaction: the latest snapshot's name, the version as published and its renditions. */
    private record Prepared(Optional<String> latestSnapshot, Report report, List<PublishedRendition> renditions, List<Rendition> described) {
    }

    private final ReportStore reports;
    private final PublicationStore publications;
    private final FactualAccuracyStore checks;
    private final RatingServiceClient ratingService;
    private final RequestRecords requests;
    private final ReportRenderer renderer;
    private final Clock clock;

    PublishingReport(ReportStore reports, PublicationStore publications, FactualAccuracyStore checks, RatingServiceClient ratingService,
                     RequestRecords requests, ReportRenderer renderer, Clock clock) {
        this.reports = reports;
        this.publications = publications;
        this.checks = checks;
        this.ratingService = ratingService;
        this.requests = requests;
        this.renderer = renderer;
        this.clock = clock;
    }

    public PublishReportResponse publish(Caller caller, PublishReport command) {
        return NeighboursAskedOnce.answer(requests, command.requestId(), command.asSent(), PublishReportResponse.parser(),
                () -> prepare(caller, command),
                prepared -> PublishReportResponse.newBuilder().setPublication(keep(caller, command, prepared)).build());
    }

    /** Asks rating-service for the latest snapshot, checks the rules on the latest version as it stands, and renders it. */
    private Prepared prepare(Caller caller, PublishReport command) {
        String name = ReportNames.PREFIX + command.report();
        // Every version of a report is of the same inspection: any version names it.
        String inspection = ReadingReports.parse(reports.latest(command.report()).orElseThrow(() -> new Refused.NotFound(name)).body(),
                command.report()).getInspection();
        Optional<String> latestSnapshot = ratingService.latestSnapshot(inspection).map(RatingSnapshot::getName);
        Report report = publishable(caller, command, reports.latest(command.report()), latestSnapshot).toBuilder().setPublished(true).build();
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
        return new Prepared(latestSnapshot, report, List.copyOf(renditions), List.copyOf(described));
    }

    /** Publishes what {@link #prepare} made, if the rules still hold under the report's row lock (in the request's transaction). */
    private yardstick.reports.v1.Publication keep(Caller caller, PublishReport command, Prepared prepared) {
        publishable(caller, command, reports.latestForUpdate(command.report()), prepared.latestSnapshot());
        UUID reportId = command.report();
        Instant now = ChangingPlan.now(clock);
        // A report published before is corrected by this publication, which replaces the latest one.
        Optional<Publication> corrected = publications.latestOf(reportId);
        UUID id = UUID.randomUUID();
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

    /** The latest version's report, if {@code caller} may publish it as {@code command} asks; else every rule it breaks. */
    private Report publishable(Caller caller, PublishReport command, Optional<VersionOfReport> found, Optional<String> latestSnapshot) {
        UUID reportId = command.report();
        String name = ReportNames.PREFIX + reportId;
        Instant now = ChangingPlan.now(clock);
        VersionOfReport latest = found.orElseThrow(() -> new Refused.NotFound(name));
        Authoring.staleEtag(latest.version(), command.etag(), "review the latest version before publishing it").ifPresent(r -> {
            throw new Refused.RulesBroken(r.type(), name, r.description());
        });
        Report report = ReadingReports.parse(latest.body(), reportId);
        if (latest.published()) {
            String publication = publications.latestOf(reportId).map(p -> ReportNames.PUBLICATIONS + p.id()).orElse("a publication");
            throw new Refused.RulesBroken("PUBLISHED", name, "version " + latest.version()
                    + " is already published as " + publication + "; to change it, update the report with a correction note");
        }
        Optional<Publication> corrected = publications.latestOf(reportId);
        List<Authoring.Refusal> refusals = new ArrayList<>(Authoring.unpublishable(report.getExecutiveSummary(),
                UpdatingReport.recommendations(report.getRecommendationsList())));
        Authoring.fourEyes(latest.version(), latest.updatedBy(), caller.subject()).ifPresent(refusals::add);
        Authoring.staleRatings(report.getRatingsSnapshot(), latestSnapshot).ifPresent(refusals::add);
        if (corrected.isEmpty()) {
            FactualAccuracyCheck.publicationRefusal(checks.find(reportId), now).ifPresent(refusals::add);
        }
        Authoring.embargoRefusal(corrected.flatMap(Publication::embargoUntil), command.embargoUntil(), now).ifPresent(refusals::add);
        if (!refusals.isEmpty()) {
            throw new Refused.RulesBroken(refusals.stream().map(r -> new Refused.BrokenRule(r.type(), name, r.description())).toList());
        }
        return report;
    }
}
