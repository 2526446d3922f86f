package yardstick.reports.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.CreateReportResponse;
import yardstick.reports.v1.GetReportRequest;
import yardstick.reports.v1.GetReportResponse;
import yardstick.reports.v1.RenderReportRequest;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.ReportServiceGrpc;

@Singleton
public class ReportEndpoint extends ReportServiceGrpc.ReportServiceImplBase {

    private static final String PREFIX = "reports/";

    private final CaseServiceClient caseService;
    private final RatingServiceClient ratingService;
    private final ReportStore reports;
    private final RequestRecords requests;

    ReportEndpoint(CaseServiceClient caseService, RatingServiceClient ratingService, ReportStore reports, RequestRecords requests) {
        this.caseService = caseService;
        this.ratingService = ratingService;
        this.reports = reports;
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
            Report report = assembled.setName(PREFIX + id).setEtag("\"1\"")
                    .setCreateTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano())).build();
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
            throw Errors.invalidArgument("format", "is required: REPORT_FORMAT_HTML, REPORT_FORMAT_MARKDOWN or REPORT_FORMAT_JSON");
        }
        Report report = stored(request.getName());
        RenderReportResponse.Builder rendition = RenderReportResponse.newBuilder();
        switch (request.getFormat()) {
            case REPORT_FORMAT_HTML -> rendition.setContentType("text/html; charset=utf-8")
                    .setContent(ByteString.copyFromUtf8(HtmlRendition.render(ReportDocuments.of(report))));
            case REPORT_FORMAT_MARKDOWN -> rendition.setContentType("text/markdown; charset=utf-8")
                    .setContent(ByteString.copyFromUtf8(MarkdownRendition.render(ReportDocuments.of(report))));
            default -> rendition.setContentType("application/json").setContent(ByteString.copyFromUtf8(json(report)));
        }
        response.onNext(rendition.build());
        response.onCompleted();
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
