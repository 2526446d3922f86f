package yardstick.reports.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.SamplePlan;
import yardstick.platform.grpc.Errors;
import yardstick.platform.store.RequestRecords;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.reports.domain.HtmlRendition;
import yardstick.reports.domain.MarkdownRendition;
import yardstick.reports.peers.CaseServiceClient;
import yardstick.reports.peers.RatingServiceClient;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.CreateReportResponse;
import yardstick.reports.v1.GetReportRequest;
import yardstick.reports.v1.GetReportResponse;
import yardstick.reports.v1.Publication;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.PublishReportResponse;
import yardstick.reports.v1.RenderReportRequest;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.ReportServiceGrpc;
import yardstick.reports.v1.Rendition;

@Singleton
public class ReportEndpoint extends ReportServiceGrpc.ReportServiceImplBase {

    private static final String PREFIX = "reports/";

    private final CaseServiceClient caseService;
    private final RatingServiceClient ratingService;
    private final ReportStore reports;
    private final PublicationStore publications;
    private final RequestRecords requests;

    ReportEndpoint(CaseServiceClient caseService, RatingServiceClient ratingService, ReportStore reports, PublicationStore publications,
                   RequestRecords requests) {
        this.caseService = caseService;
        this.ratingService = ratingService;
        this.reports = reports;
        this.publications = publications;
        this.requests = requests;
    }

    @Override
    public void createReport(CreateReportRequest request, StreamObserver<CreateReportResponse> response) {
        if (!request.getInspection().startsWith("inspections/")) {
            throw Errors.invalidArgument("inspection", "must be of the form inspections/{inspection}");
        }
        if (request.getRequestId().isBlank()) {
            throw Errors.invalidArgument("request_id", "is required: a UUID, so that a retry is safe");
        }
        Inspection inspection = caseService.inspection(request.getInspection()).orElseThrow(() -> Errors.notFound(request.getInspection()));
        RatingSnapshot snapshot = ratingService.latestSnapshot(inspection.getName()).orElseThrow(() -> Errors.failedPrecondition(
                new Errors.Violation("NO_RATINGS", inspection.getName(), "the inspection has no ratings snapshot yet: ComputeRatings first")));
        SamplePlan plan = caseService.samplePlan(inspection.getName()).orElseThrow(() -> Errors.failedPrecondition(
                new Errors.Violation("NO_SAMPLE_PLAN", inspection.getName(), "the inspection has no sample plan")));
        Framework framework = ratingService.framework(snapshot.getFramework()).orElseThrow(() -> Errors.failedPrecondition(
                new Errors.Violation("FRAMEWORK", inspection.getName(), "rating-service no longer knows " + snapshot.getFramework())));
        Report.Builder assembled = ReportAssembly.assemble(inspection, framework, snapshot, plan);
        response.onNext(requests.once(request.getRequestId(), "request_id", request, CreateReportResponse.parser(), () -> {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Report report = assembled.setName(PREFIX + id).setEtag("\"1\"").setCreateTime(timestamp(now)).build();
            reports.add(id, inspection.getName(), report.toByteArray(), now);
            return CreateReportResponse.newBuilder().setReport(report).build();
        }));
        response.onCompleted();
    }

    @Override
    public void getReport(GetReportRequest request, StreamObserver<GetReportResponse> response) {
        response.onNext(GetReportResponse.newBuilder().setReport(stored(request.getName())).build());
        response.onCompleted();
    }

    @Override
    public void renderReport(RenderReportRequest request, StreamObserver<RenderReportResponse> response) {
        if (request.getFormat() == ReportFormat.REPORT_FORMAT_UNSPECIFIED || request.getFormat() == ReportFormat.UNRECOGNIZED) {
            throw Errors.invalidArgument("format", "is required: REPORT_FORMAT_HTML, _MARKDOWN, _JSON or _PDF");
        }
        response.onNext(rendition(stored(request.getName()), request.getFormat()));
        response.onCompleted();
    }

    /** One rendition of a report, made from its one model. */
    static RenderReportResponse rendition(Report report, ReportFormat format) {
        RenderReportResponse.Builder rendition = RenderReportResponse.newBuilder();
        switch (format) {
            case REPORT_FORMAT_HTML -> rendition.setContentType("text/html; charset=utf-8")
                    .setContent(ByteString.copyFromUtf8(HtmlRendition.render(ReportDocuments.of(report))));
            case REPORT_FORMAT_MARKDOWN -> rendition.setContentType("text/markdown; charset=utf-8")
                    .setContent(ByteString.copyFromUtf8(MarkdownRendition.render(ReportDocuments.of(report))));
            case REPORT_FORMAT_PDF -> rendition.setContentType("application/pdf")
                    .setContent(ByteString.copyFrom(PdfRendition.render(HtmlRendition.render(ReportDocuments.of(report)))));
            default -> rendition.setContentType("application/json").setContent(ByteString.copyFromUtf8(json(report)));
        }
        return rendition.build();
    }

    @Override
    public void publishReport(PublishReportRequest request, StreamObserver<PublishReportResponse> response) {
        if (request.getRequestId().isBlank()) {
            throw Errors.invalidArgument("request_id", "is required: a UUID, so that a retry is safe");
        }
        Report report = stored(request.getName());
        response.onNext(requests.once(request.getRequestId(), "request_id", request, PublishReportResponse.parser(), () -> {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            java.util.List<PublicationStore.RenditionRow> renditions = new java.util.ArrayList<>();
            Publication.Builder publication = Publication.newBuilder()
                    .setName("publications/" + id)
                    .setReport(report.getName())
                    .setInspection(report.getInspection())
                    .setServiceInspected(report.getServiceInspected())
                    .setPublishTime(timestamp(now));
            if (request.hasEmbargoUntil()) {
                publication.setEmbargoUntil(request.getEmbargoUntil());
            }
            for (ReportFormat format : java.util.List.of(ReportFormat.REPORT_FORMAT_HTML, ReportFormat.REPORT_FORMAT_MARKDOWN,
                    ReportFormat.REPORT_FORMAT_JSON, ReportFormat.REPORT_FORMAT_PDF)) {
                RenderReportResponse made = rendition(report, format);
                String sha256 = sha256(made.getContent().toByteArray());
                renditions.add(new PublicationStore.RenditionRow(format.name().substring("REPORT_FORMAT_".length()), made.getContentType(),
                        sha256, made.getContent().toByteArray()));
                publication.addRenditions(Rendition.newBuilder().setFormat(format).setContentType(made.getContentType())
                        .setSha256(sha256).setSize(made.getContent().size()));
            }
            Optional<Instant> embargo = request.hasEmbargoUntil()
                    ? Optional.of(Instant.ofEpochSecond(request.getEmbargoUntil().getSeconds(), request.getEmbargoUntil().getNanos()))
                    : Optional.empty();
            publications.add(new PublicationStore.PublicationRow(id, UUID.fromString(report.getName().substring(PREFIX.length())),
                    report.getInspection(), report.getServiceInspected(), now, embargo, report.toByteArray()), renditions);
            return PublishReportResponse.newBuilder().setPublication(publication).build();
        }));
        response.onCompleted();
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private Report stored(String name) {
        UUID id;
        try {
            id = UUID.fromString(name.substring(name.startsWith(PREFIX) ? PREFIX.length() : 0));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument("name", "must be of the form reports/{report}");
        }
        byte[] body = reports.body(id).orElseThrow(() -> Errors.notFound(name));
        try {
            return Report.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("report " + id + " is unreadable", e);
        }
    }

    private static String json(Report report) {
        try {
            return JsonFormat.printer().preservingProtoFieldNames().print(report);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
