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
import yardstick.reports.app.AssemblingReport;
import yardstick.reports.app.CheckingFactualAccuracy;
import yardstick.reports.app.PublishingReport;
import yardstick.reports.app.ReadingReports;
import yardstick.reports.app.ReportNames;
import yardstick.reports.app.ReportRenderer;
import yardstick.reports.app.UpdatingReport;
import yardstick.reports.domain.FactualAccuracyCheck;
import yardstick.reports.domain.ReportHistory;
import yardstick.reports.domain.VersionOfReport;
import yardstick.reports.v1.AnswerFactualAccuracyCommentRequest;
import yardstick.reports.v1.AnswerFactualAccuracyCommentResponse;
import yardstick.reports.v1.CreateFactualAccuracyCommentRequest;
import yardstick.reports.v1.CreateFactualAccuracyCommentResponse;
import yardstick.reports.v1.GetFactualAccuracyCheckRequest;
import yardstick.reports.v1.GetFactualAccuracyCheckResponse;
import yardstick.reports.v1.ListReportEventsRequest;
import yardstick.reports.v1.ListReportEventsResponse;
import yardstick.reports.v1.ReportEvent;
import yardstick.reports.v1.ReturnFactualAccuracyCheckRequest;
import yardstick.reports.v1.ReturnFactualAccuracyCheckResponse;
import yardstick.reports.v1.SendForFactualAccuracyCheckRequest;
import yardstick.reports.v1.SendForFactualAccuracyCheckResponse;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.CreateReportResponse;
import yardstick.reports.v1.GetReportRequest;
import yardstick.reports.v1.GetReportResponse;
import yardstick.reports.v1.ListReportVersionsRequest;
import yardstick.reports.v1.ListReportVersionsResponse;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.PublishReportResponse;
import yardstick.reports.v1.RefreshReportFiguresRequest;
import yardstick.reports.v1.RefreshReportFiguresResponse;
import yardstick.reports.v1.RenderReportRequest;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.StreamReportRenditionRequest;
import yardstick.reports.v1.StreamReportRenditionResponse;
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
    private final CheckingFactualAccuracy checking;
    private final ReportRenderer renderer;

    ReportEndpoint(AssemblingReport assembling, ReadingReports reading, UpdatingReport updating, PublishingReport publishing,
                   CheckingFactualAccuracy checking, ReportRenderer renderer) {
        this.assembling = assembling;
        this.reading = reading;
        this.updating = updating;
        this.publishing = publishing;
        this.checking = checking;
        this.renderer = renderer;
    }

    @Override
    public void createReport(CreateReportRequest request, StreamObserver<CreateReportResponse> response) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        if (!request.getInspection().startsWith("inspections/")) {
            problems.add(new Errors.FieldViolation("inspection", "must be of the form inspections/{inspection}"));
        }
        requestId(request.getRequestId(), problems);
        refuse(problems);
        AssemblingReport.CreateReport create = new AssemblingReport.CreateReport(request.getInspection(), request.getRequestId(), request);
        Refusals.answer(response, () -> assembling.create(Caller.current(), create));
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
        Optional<Set<String>> mask = request.hasUpdateMask() && request.getUpdateMask().getPathsCount() > 0
                ? Optional.of(Set.copyOf(request.getUpdateMask().getPathsList())) : Optional.empty();
        UpdatingReport.UpdateReport update = new UpdatingReport.UpdateReport(read, mask, request.getEtag(), request.getExecutiveSummary(),
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
    public void streamReportRendition(StreamReportRenditionRequest request, StreamObserver<StreamReportRenditionResponse> response) {
        RenderReportResponse rendition;
        try {
            rendition = rendition(RenderReportRequest.newBuilder().setName(request.getName()).setFormatValue(request.getFormatValue()).build());
        } catch (Refused refused) {
            throw Refusals.status(refused);
        }
        RenditionChunks.stream(rendition.getContentType(), rendition.getContent(), response,
                chunk -> StreamReportRenditionResponse.newBuilder().setChunk(chunk).build());
    }

    private RenderReportResponse rendition(RenderReportRequest request) {
        if (request.getFormat() == ReportFormat.REPORT_FORMAT_UNSPECIFIED || request.getFormat() == ReportFormat.UNRECOGNIZED) {
            throw new Refused.BadRequest("format", "is required: REPORT_FORMAT_HTML, _MARKDOWN, _JSON or _PDF");
        }
        ReadingReports.ReadReport read = readReport(request.getName());
        return renderer.rendition(reading.report(Caller.current(), read), request.getFormat());
    }

    @Override
    public void publishReport(PublishReportRequest request, StreamObserver<PublishReportResponse> response) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        requestId(request.getRequestId(), problems);
        if (request.getEtag().isBlank()) {
            problems.add(new Errors.FieldViolation("etag", "is required: the etag of the version reviewed for publication"));
        }
        refuse(problems);
        UUID reportId = id(request.getName(), "name");
        Optional<Instant> embargo = request.hasEmbargoUntil() ? Optional.of(Times.instant(request.getEmbargoUntil())) : Optional.empty();
        PublishingReport.PublishReport publish = new PublishingReport.PublishReport(reportId, request.getEtag(), embargo,
                request.getRequestId(), request);
        Refusals.answer(response, () -> publishing.publish(Caller.current(), publish));
    }

    @Override
    public void refreshReportFigures(RefreshReportFiguresRequest request, StreamObserver<RefreshReportFiguresResponse> response) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        requestId(request.getRequestId(), problems);
        if (request.getEtag().isBlank()) {
            problems.add(new Errors.FieldViolation("etag", "is required: the etag of the report as last read"));
        }
        refuse(problems);
        AssemblingReport.RefreshFigures refresh = new AssemblingReport.RefreshFigures(id(request.getName(), "name"), request.getEtag(),
                request.getCorrectionNote(), request.getRequestId(), request);
        Refusals.answer(response, () -> assembling.refresh(Caller.current(), refresh));
    }

    @Override
    public void sendForFactualAccuracyCheck(SendForFactualAccuracyCheckRequest request,
                                            StreamObserver<SendForFactualAccuracyCheckResponse> response) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        requestId(request.getRequestId(), problems);
        if (request.getEtag().isBlank()) {
            problems.add(new Errors.FieldViolation("etag", "is required: the etag of the version sent, as read"));
        }
        if (!request.hasDeadline()) {
            problems.add(new Errors.FieldViolation("deadline", "is required: when the service's comments are due"));
        }
        refuse(problems);
        CheckingFactualAccuracy.SendForCheck send = new CheckingFactualAccuracy.SendForCheck(id(request.getName(), "name"),
                request.getEtag(), Times.instant(request.getDeadline()), request.getRequestId(), request);
        Refusals.answer(response, () -> checking.send(Caller.current(), send));
    }

    @Override
    public void getFactualAccuracyCheck(GetFactualAccuracyCheckRequest request, StreamObserver<GetFactualAccuracyCheckResponse> response) {
        UUID report = checkOf(request.getName(), "name");
        Refusals.answer(response, () -> GetFactualAccuracyCheckResponse.newBuilder().setCheck(checking.check(Caller.current(), report)).build());
    }

    @Override
    public void createFactualAccuracyComment(CreateFactualAccuracyCommentRequest request,
                                             StreamObserver<CreateFactualAccuracyCommentResponse> response) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        requestId(request.getRequestId(), problems);
        refuse(problems);
        CheckingFactualAccuracy.Comment comment = new CheckingFactualAccuracy.Comment(checkOf(request.getParent(), "parent"),
                request.getSection(), request.getText(), request.getRequestId(), request);
        Refusals.answer(response, () -> checking.comment(Caller.current(), comment));
    }

    @Override
    public void answerFactualAccuracyComment(AnswerFactualAccuracyCommentRequest request,
                                             StreamObserver<AnswerFactualAccuracyCommentResponse> response) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        requestId(request.getRequestId(), problems);
        refuse(problems);
        String name = request.getName();
        int at = name.indexOf(CheckingFactualAccuracy.COMMENTS);
        int number;
        try {
            number = at < 0 ? -1 : Integer.parseInt(name.substring(at + CheckingFactualAccuracy.COMMENTS.length()));
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1) {
            throw Errors.invalidArgument("name", "must be of the form reports/{report}/factualAccuracyCheck/comments/{comment}");
        }
        Optional<FactualAccuracyCheck.Answer> answer = switch (request.getAnswer()) {
            case FACTUAL_ACCURACY_ANSWER_ACCEPTED -> Optional.of(FactualAccuracyCheck.Answer.ACCEPTED);
            case FACTUAL_ACCURACY_ANSWER_DECLINED -> Optional.of(FactualAccuracyCheck.Answer.DECLINED);
            default -> Optional.empty();
        };
        CheckingFactualAccuracy.Answer answering = new CheckingFactualAccuracy.Answer(id(name.substring(0, at), "name"), number, answer,
                request.getReason(), request.getRequestId(), request);
        Refusals.answer(response, () -> checking.answer(Caller.current(), answering));
    }

    @Override
    public void returnFactualAccuracyCheck(ReturnFactualAccuracyCheckRequest request,
                                           StreamObserver<ReturnFactualAccuracyCheckResponse> response) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        requestId(request.getRequestId(), problems);
        refuse(problems);
        CheckingFactualAccuracy.ReturnCheck returning = new CheckingFactualAccuracy.ReturnCheck(checkOf(request.getName(), "name"),
                request.getRequestId(), request);
        Refusals.answer(response, () -> checking.returnCheck(Caller.current(), returning));
    }

    @Override
    public void listReportEvents(ListReportEventsRequest request, StreamObserver<ListReportEventsResponse> response) {
        UUID id = id(request.getName(), "name");
        ReadingReports.ReadReport read = new ReadingReports.ReadReport(request.getName(), id, Optional.empty());
        Refusals.answer(response, () -> {
            ListReportEventsResponse.Builder list = ListReportEventsResponse.newBuilder();
            for (ReportHistory.Event event : reading.history(Caller.current(), read)) {
                list.addEvents(ReportEvent.newBuilder().setEventTime(Times.timestamp(event.time())).setActor(event.actor())
                        .setDescription(event.description()).setResource(event.resource()));
            }
            return list.build();
        });
    }

    private static void requestId(String requestId, List<Errors.FieldViolation> problems) {
        if (requestId.isBlank()) {
            problems.add(new Errors.FieldViolation("request_id", "is required: a UUID, so that a retry is safe"));
        }
    }

    private static void refuse(List<Errors.FieldViolation> problems) {
        if (!problems.isEmpty()) {
            throw Errors.invalidArgument(problems);
        }
    }

    /** The report of "reports/{report}/factualAccuracyCheck". */
    private static UUID checkOf(String name, String field) {
        if (!name.endsWith(CheckingFactualAccuracy.CHECK)) {
            throw Errors.invalidArgument(field, "must be of the form reports/{report}/factualAccuracyCheck");
        }
        return id(name.substring(0, name.length() - CheckingFactualAccuracy.CHECK.length()), field);
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
