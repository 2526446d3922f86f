package yardstick.reports.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Errors;
import yardstick.platform.grpc.Refusals;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.RequestRecords;
import yardstick.reports.app.AssemblingReport;
import yardstick.reports.app.PublishingReport;
import yardstick.reports.app.ReadingReports;
import yardstick.reports.app.ReportNames;
import yardstick.reports.app.ReportRenditions;
import yardstick.reports.app.UpdatingReport;
import yardstick.reports.domain.VersionOfReport;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.CreateReportResponse;
import yardstick.reports.v1.GetReportRequest;
import yardstick.reports.v1.GetReportResponse;
import yardstick.reports.v1.ListReportVersionsRequest;
import yardstick.reports.v1.ListReportVersionsResponse;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.PublishReportResponse;
import yardstick.reports.v1.RenderReportRequest;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.RenditionChunk;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.ReportServiceGrpc;
import yardstick.reports.v1.ReportVersion;
import yardstick.reports.v1.UpdateReportRequest;
import yardstick.reports.v1.UpdateReportResponse;

/** ReportService: checks the shape of each request, calls its use case with the caller, and says a refusal as its status. */
@Singleton
public class ReportEndpoint extends ReportServiceGrpc.ReportServiceImplBase {

    private static final String PREFIX = ReportNames.PREFIX;

    private final AssemblingReport assembling;
    private final ReadingReports reading;
    private final UpdatingReport updating;
    private final PublishingReport publishing;
    private final RequestRecords requests;

    ReportEndpoint(AssemblingReport assembling, ReadingReports reading, UpdatingReport updating, PublishingReport publishing,
                   RequestRecords requests) {
        this.assembling = assembling;
        this.reading = reading;
        this.updating = updating;
        this.publishing = publishing;
        this.requests = requests;
    }

    @Override
    public void createReport(CreateReportRequest request, StreamObserver<CreateReportResponse> response) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        if (!request.getInspection().startsWith("inspections/")) {
            problems.add(new Errors.FieldViolation("inspection", "must be of the form inspections/{inspection}"));
        }
        if (request.getRequestId().isBlank()) {
            problems.add(new Errors.FieldViolation("request_id", "is required: a UUID, so that a retry is safe"));
        }
        if (!problems.isEmpty()) {
            throw Errors.invalidArgument(problems);
        }
        Caller caller = Caller.current();
        Refusals.answer(response, () -> {
            Optional<CreateReportResponse> earlier = requests.answered(request.getRequestId(), "request_id", request,
                    CreateReportResponse.parser());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            AssemblingReport.Assembled assembled = assembling.assemble(new AssemblingReport.AssembleReport(request.getInspection()));
            return requests.once(request.getRequestId(), "request_id", request, CreateReportResponse.parser(),
                    () -> CreateReportResponse.newBuilder().setReport(assembling.keep(caller, assembled)).build());
        });
    }

    @Override
    public void getReport(GetReportRequest request, StreamObserver<GetReportResponse> response) {
        ReadingReports.ReadReport read = readReport(request.getName());
        Refusals.answer(response, () -> GetReportResponse.newBuilder().setReport(reading.report(Caller.current(), read)).build());
    }

    @Override
    public void updateReport(UpdateReportRequest request, StreamObserver<UpdateReportResponse> response) {
        // Only the latest version is updated: "reports/{report}@{version}" is refused.
        ReadingReports.ReadReport read = new ReadingReports.ReadReport(request.getName(), id(request.getName(), "name"), Optional.empty());
        Set<String> paths = request.hasUpdateMask() && request.getUpdateMask().getPathsCount() > 0
                ? Set.copyOf(request.getUpdateMask().getPathsList()) : UpdatingReport.AUTHORED;
        UpdatingReport.UpdateReport update = new UpdatingReport.UpdateReport(read, paths, request.getEtag(), request.getExecutiveSummary(),
                request.getBackground(), request.getRecommendationsList(), request.getNarrativesList(), request.getCorrectionNote());
        Refusals.answer(response, () -> UpdateReportResponse.newBuilder().setReport(updating.update(Caller.current(), update)).build());
    }

    @Override
    public void listReportVersions(ListReportVersionsRequest request, StreamObserver<ListReportVersionsResponse> response) {
        UUID id = id(request.getName(), "name");
        ReadingReports.ReadReport read = new ReadingReports.ReadReport(request.getName(), id, Optional.empty());
        Refusals.answer(response, () -> {
            ListReportVersionsResponse.Builder list = ListReportVersionsResponse.newBuilder();
            for (VersionOfReport version : reading.versions(Caller.current(), read)) {
                list.addVersions(ReportVersion.newBuilder().setName(PREFIX + id + "@" + version.version()).setVersion(version.version())
                        .setUpdatedBy(version.updatedBy()).setUpdateTime(Times.timestamp(version.updateTime()))
                        .setPublished(version.published()).setCorrectionNote(version.correctionNote()));
            }
            return list.build();
        });
    }

    @Override
    public void renderReport(RenderReportRequest request, StreamObserver<RenderReportResponse> response) {
        Refusals.answer(response, () -> {
            RenderReportResponse rendition = rendition(request);
            RenditionChunks.refuseIfTooLarge(request.getName(), rendition.getContent(), "StreamReportRendition");
            return rendition;
        });
    }

    @Override
    public void streamReportRendition(RenderReportRequest request, StreamObserver<RenditionChunk> response) {
        RenderReportResponse rendition;
        try {
            rendition = rendition(request);
        } catch (Refused refused) {
            throw Refusals.status(refused);
        }
        RenditionChunks.stream(rendition.getContentType(), rendition.getContent(), response);
    }

    private RenderReportResponse rendition(RenderReportRequest request) {
        if (request.getFormat() == ReportFormat.REPORT_FORMAT_UNSPECIFIED || request.getFormat() == ReportFormat.UNRECOGNIZED) {
            throw new Refused.BadRequest("format", "is required: REPORT_FORMAT_HTML, _MARKDOWN, _JSON or _PDF");
        }
        ReadingReports.ReadReport read = readReport(request.getName());
        return ReportRenditions.rendition(reading.report(Caller.current(), read), request.getFormat());
    }

    @Override
    public void publishReport(PublishReportRequest request, StreamObserver<PublishReportResponse> response) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        if (request.getRequestId().isBlank()) {
            problems.add(new Errors.FieldViolation("request_id", "is required: a UUID, so that a retry is safe"));
        }
        if (request.getEtag().isBlank()) {
            problems.add(new Errors.FieldViolation("etag", "is required: the etag of the version reviewed for publication"));
        }
        if (!problems.isEmpty()) {
            throw Errors.invalidArgument(problems);
        }
        UUID reportId = id(request.getName(), "name");
        Optional<Instant> embargo = request.hasEmbargoUntil() ? Optional.of(Times.instant(request.getEmbargoUntil())) : Optional.empty();
        PublishingReport.PublishReport publish = new PublishingReport.PublishReport(reportId, request.getEtag(), embargo);
        Caller caller = Caller.current();
        Refusals.answer(response, () -> requests.once(request.getRequestId(), "request_id", request, PublishReportResponse.parser(),
                () -> PublishReportResponse.newBuilder().setPublication(publishing.publish(caller, publish)).build()));
    }

    /** "reports/{report}" (the latest version) or "reports/{report}@{version}". */
    private static ReadingReports.ReadReport readReport(String name) {
        int at = name.indexOf('@');
        UUID id = id(at < 0 ? name : name.substring(0, at), "name");
        if (at < 0) {
            return new ReadingReports.ReadReport(name, id, Optional.empty());
        }
        try {
            return new ReadingReports.ReadReport(name, id, Optional.of(Integer.parseInt(name.substring(at + 1))));
        } catch (NumberFormatException e) {
            throw Errors.invalidArgument("name", "must be of the form reports/{report} or reports/{report}@{version}");
        }
    }

    private static UUID id(String name, String field) {
        try {
            return UUID.fromString(name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : "");
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument(field, "must be of the form reports/{report}");
        }
    }
}
