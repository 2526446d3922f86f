package yardstick.reports.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.PopulationSummary;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplePlan;
import yardstick.platform.grpc.Errors;
import yardstick.platform.identity.Caller;
import yardstick.platform.grpc.Times;
import yardstick.platform.store.RequestRecords;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.reports.domain.Authoring;
import yardstick.reports.domain.HtmlRendition;
import yardstick.reports.domain.MarkdownRendition;
import yardstick.reports.peers.CaseServiceClient;
import yardstick.reports.peers.RatingServiceClient;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportRevisions;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.CreateReportResponse;
import yardstick.reports.v1.GetReportRequest;
import yardstick.reports.v1.GetReportResponse;
import yardstick.reports.v1.ListReportVersionsRequest;
import yardstick.reports.v1.ListReportVersionsResponse;
import yardstick.reports.v1.Publication;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.PublishReportResponse;
import yardstick.reports.v1.Recommendation;
import yardstick.reports.v1.RenderReportRequest;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.Rendition;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.ReportServiceGrpc;
import yardstick.reports.v1.ReportVersion;
import yardstick.reports.v1.StandardNarrative;
import yardstick.reports.v1.StandardSection;
import yardstick.reports.v1.UpdateReportRequest;
import yardstick.reports.v1.UpdateReportResponse;

@Singleton
public class ReportEndpoint extends ReportServiceGrpc.ReportServiceImplBase {

    private static final String PREFIX = "reports/";
    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.REPORT_FORMAT_HTML, ReportFormat.REPORT_FORMAT_MARKDOWN,
            ReportFormat.REPORT_FORMAT_JSON, ReportFormat.REPORT_FORMAT_PDF);
    private static final Set<String> AUTHORED = Set.of("executive_summary", "background", "recommendations", "narratives");

    private final CaseServiceClient caseService;
    private final RatingServiceClient ratingService;
    private final ReportStore reports;
    private final ReportRevisions revisions;
    private final PublicationStore publications;
    private final RequestRecords requests;

    ReportEndpoint(CaseServiceClient caseService, RatingServiceClient ratingService, ReportStore reports, ReportRevisions revisions,
                   PublicationStore publications, RequestRecords requests) {
        this.caseService = caseService;
        this.ratingService = ratingService;
        this.reports = reports;
        this.revisions = revisions;
        this.publications = publications;
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
        Optional<CreateReportResponse> earlier = requests.answered(request.getRequestId(), "request_id", request,
                CreateReportResponse.parser());
        if (earlier.isPresent()) {
            response.onNext(earlier.get());
            response.onCompleted();
            return;
        }
        Inspection inspection = caseService.inspection(request.getInspection()).orElseThrow(() -> Errors.notFound(request.getInspection()));
        RatingSnapshot snapshot = ratingService.latestSnapshot(inspection.getName()).orElseThrow(() -> Errors.failedPrecondition(
                new Errors.Violation("NO_RATINGS", inspection.getName(), "the inspection has no ratings snapshot yet: ComputeRatings first")));
        SamplePlan plan = caseService.samplePlan(inspection.getName()).orElseThrow(() -> Errors.failedPrecondition(
                new Errors.Violation("NO_SAMPLE_PLAN", inspection.getName(), "the inspection has no sample plan")));
        Framework framework = ratingService.framework(snapshot.getFramework()).orElseThrow(() -> Errors.failedPrecondition(
                new Errors.Violation("FRAMEWORK", inspection.getName(), "rating-service no longer knows " + snapshot.getFramework())));
        PopulationSummary population = caseService.populationSummary(inspection.getName());
        GetJudgementTalliesResponse tallies = caseService.tallies(inspection.getName());
        if (!sameTallies(snapshot, tallies)) {
            throw Errors.failedPrecondition(new Errors.Violation("STALE_RATINGS", snapshot.getName(), "the judgements changed after "
                    + snapshot.getName() + " was computed: ComputeRatings again, so that the report's figures agree"));
        }
        Sample sample = caseService.sample(inspection.getName()).orElse(Sample.getDefaultInstance());
        Report.Builder assembled = ReportAssembly.assemble(inspection, framework, snapshot, plan, sample, population, tallies);
        response.onNext(requests.once(request.getRequestId(), "request_id", request, CreateReportResponse.parser(), () -> {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Report report = assembled.setName(PREFIX + id).setVersion(1).setEtag(Authoring.etag(1)).setCreateTime(Times.timestamp(now))
                    .setUpdateTime(Times.timestamp(now)).setUpdatedBy(Caller.current().subject()).build();
            reports.add(id, inspection.getName(), report.toByteArray(), Caller.current().subject(), now);
            return CreateReportResponse.newBuilder().setReport(report).build();
        }));
        response.onCompleted();
    }

    /** The judgements tallied now are the ones the snapshot was computed from: the prompts' figures then agree with the ratings. */
    private static boolean sameTallies(RatingSnapshot snapshot, GetJudgementTalliesResponse tallies) {
        var now = tallies.getKeyQuestionsList().stream().filter(k -> k.getApplicable() > 0)
                .collect(Collectors.toMap(k -> k.getKeyQuestion(), k -> List.of(k.getYes(), k.getApplicable())));
        var then = snapshot.getInputs().getKeyQuestionTalliesList().stream().filter(k -> k.getApplicable() > 0)
                .collect(Collectors.toMap(k -> k.getKeyQuestion(), k -> List.of(k.getYes(), k.getApplicable())));
        return tallies.getSubmittedCases() == snapshot.getSubmittedCases() && now.equals(then);
    }

    @Override
    public void getReport(GetReportRequest request, StreamObserver<GetReportResponse> response) {
        response.onNext(GetReportResponse.newBuilder().setReport(stored(request.getName())).build());
        response.onCompleted();
    }

    @Override
    public void updateReport(UpdateReportRequest request, StreamObserver<UpdateReportResponse> response) {
        UUID id = id(request.getName(), "name");
        Report current = stored(request.getName());
        Set<String> paths = request.hasUpdateMask() && request.getUpdateMask().getPathsCount() > 0
                ? Set.copyOf(request.getUpdateMask().getPathsList()) : AUTHORED;
        List<Errors.FieldViolation> problems = new ArrayList<>();
        for (String path : paths) {
            if (!AUTHORED.contains(path)) {
                problems.add(new Errors.FieldViolation("update_mask", "'" + path + "' cannot be updated: only the authors' words can ("
                        + String.join(", ", AUTHORED.stream().sorted().toList()) + "); figures come from the ratings snapshot"));
            }
        }
        if (request.getEtag().isBlank()) {
            problems.add(new Errors.FieldViolation("etag", "is required: the etag of the report as last read"));
        }
        Set<String> standards = current.getStandardsList().stream().map(StandardSection::getStandard).collect(Collectors.toSet());
        Authoring.problems(request.getExecutiveSummary(), request.getBackground(), recommendations(request.getRecommendationsList()),
                        request.getNarrativesList().stream().map(n -> new Authoring.Narrative(n.getStandard(), n.getNarrative())).toList(),
                        standards, Caller.current().subject())
                .forEach(p -> problems.add(new Errors.FieldViolation(p.field(), p.description())));
        if (!problems.isEmpty()) {
            throw Errors.invalidArgument(problems);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Report updated = revisions.revise(id, PREFIX + id, request.getEtag(), request.getCorrectionNote(), Caller.current().subject(), now,
                latest -> authored(latest, request, paths));
        response.onNext(UpdateReportResponse.newBuilder().setReport(updated).build());
        response.onCompleted();
    }

    private static Report authored(Report latest, UpdateReportRequest request, Set<String> paths) {
        Report.Builder next = latest.toBuilder();
        if (paths.contains("executive_summary")) {
            next.setExecutiveSummary(request.getExecutiveSummary());
        }
        if (paths.contains("background")) {
            next.setBackground(request.getBackground());
        }
        if (paths.contains("recommendations")) {
            next.clearRecommendations().addAllRecommendations(request.getRecommendationsList());
        }
        if (paths.contains("narratives")) {
            var narratives = request.getNarrativesList().stream()
                    .collect(Collectors.toMap(StandardNarrative::getStandard, StandardNarrative::getNarrative));
            for (StandardSection.Builder section : next.getStandardsBuilderList()) {
                section.setNarrative(narratives.getOrDefault(section.getStandard(), ""));
            }
        }
        return next.build();
    }

    private static List<Authoring.Recommendation> recommendations(List<Recommendation> recommendations) {
        return recommendations.stream().map(r -> new Authoring.Recommendation(r.getNumber(), r.getAddressedTo(), r.getText())).toList();
    }

    @Override
    public void listReportVersions(ListReportVersionsRequest request, StreamObserver<ListReportVersionsResponse> response) {
        UUID id = id(request.getName(), "name");
        stored(PREFIX + id);
        List<ReportStore.StoredVersion> versions = reports.versions(id);
        if (versions.isEmpty()) {
            throw Errors.notFound(request.getName());
        }
        ListReportVersionsResponse.Builder list = ListReportVersionsResponse.newBuilder();
        for (ReportStore.StoredVersion version : versions) {
            list.addVersions(ReportVersion.newBuilder().setName(PREFIX + id + "@" + version.version()).setVersion(version.version())
                    .setUpdatedBy(version.updatedBy()).setUpdateTime(Times.timestamp(version.updateTime())).setPublished(version.published())
                    .setCorrectionNote(version.correctionNote()));
        }
        response.onNext(list.build());
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
    public static RenderReportResponse rendition(Report report, ReportFormat format) {
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
        response.onNext(requests.once(request.getRequestId(), "request_id", request, PublishReportResponse.parser(),
                () -> revisions.publishLatest(reportId, PREFIX + reportId, request.getEtag(), embargo,
                        (latest, corrected) -> publish(latest, corrected, embargo, reportId))));
        response.onCompleted();
    }

    private PublishReportResponse publish(Report latest, Optional<PublicationStore.PublicationRow> corrected, Optional<Instant> embargo,
                                          UUID reportId) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Report report = latest.toBuilder().setPublished(true).build();
        Publication.Builder publication = Publication.newBuilder()
                .setName("publications/" + id)
                .setReport(PREFIX + reportId)
                .setReportVersion(report.getVersion())
                .setInspection(report.getInspection())
                .setServiceInspected(report.getServiceInspected())
                .setPublishTime(Times.timestamp(now))
                .setCorrectionNote(report.getCorrectionNote());
        corrected.ifPresent(c -> publication.setCorrects("publications/" + c.id()));
        embargo.ifPresent(e -> publication.setEmbargoUntil(Times.timestamp(e)));
        List<PublicationStore.RenditionRow> renditions = new ArrayList<>();
        for (ReportFormat format : FORMATS) {
            RenderReportResponse made = rendition(report, format);
            String sha256 = sha256(made.getContent().toByteArray());
            renditions.add(new PublicationStore.RenditionRow(PortalAddresses.stored(format), made.getContentType(),
                    sha256, made.getContent().toByteArray()));
            publication.addRenditions(Rendition.newBuilder().setFormat(format).setContentType(made.getContentType())
                    .setSha256(sha256).setSize(made.getContent().size()));
        }
        publications.add(new PublicationStore.PublicationRow(id, reportId, report.getVersion(), report.getInspection(),
                report.getServiceInspected(), now, embargo, corrected.map(PublicationStore.PublicationRow::id), report.getCorrectionNote(),
                report.toByteArray(), corrected.map(PublicationStore.PublicationRow::firstPublishTime).orElse(now)), renditions,
                Caller.current().subject());
        return PublishReportResponse.newBuilder().setPublication(publication).build();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report named, "reports/{report}" (latest) or "reports/{report}@{version}", with its etag and whether it is published. */
    private Report stored(String name) {
        int at = name.indexOf('@');
        UUID id = id(at < 0 ? name : name.substring(0, at), "name");
        Optional<ReportStore.StoredVersion> version;
        if (at < 0) {
            version = reports.latest(id);
        } else {
            int number;
            try {
                number = Integer.parseInt(name.substring(at + 1));
            } catch (NumberFormatException e) {
                throw Errors.invalidArgument("name", "must be of the form reports/{report} or reports/{report}@{version}");
            }
            version = reports.version(id, number);
        }
        ReportStore.StoredVersion found = version.orElseThrow(() -> Errors.notFound(name));
        try {
            Report report = Report.parseFrom(found.body()).toBuilder().setEtag(Authoring.etag(found.version()))
                    .setPublished(found.published()).build();
            InspectedServiceAccess.requireOwn(report.getServiceInspected());
            return report;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("report " + id + " is unreadable", e);
        }
    }

    private static UUID id(String name, String field) {
        try {
            return UUID.fromString(name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : "");
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument(field, "must be of the form reports/{report}");
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
