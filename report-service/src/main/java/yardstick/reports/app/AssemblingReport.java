package yardstick.reports.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.PopulationSummary;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplePlan;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.NeighboursAskedOnce;
import yardstick.platform.store.RequestRecords;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.reports.domain.Authoring;
import yardstick.reports.peers.CaseServiceClient;
import yardstick.reports.peers.RatingServiceClient;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.CreateReportResponse;
import yardstick.reports.v1.RefreshReportFiguresRequest;
import yardstick.reports.v1.RefreshReportFiguresResponse;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.StandardSection;

/**
 * Drafting an inspection's report, its one report: its first version assembled from the
 * inspection's ratings snapshot, sample plan and caseload, once the inspection is being rated. What
 * can be answered from this service's own records is answered first, without asking a neighbour:
 * a retried request (AIP-155) gets its first answer, and an inspection that has its report gets
 * that report. Only then are the neighbours asked, outside any transaction, and the report kept in
 * the transaction that records the request's answer. Its figures are assembled again the same way
 * when the ratings change after it was drafted (a new version, the authors' words kept).
 */
@Singleton
public class AssemblingReport {

    /** The states from which a report is drafted: the ratings are being settled, or the inspection is over. */
    static final Set<InspectionState> DRAFTED_FROM = EnumSet.of(InspectionState.INSPECTION_STATE_RATING, InspectionState.INSPECTION_STATE_CLOSED);

    /**
     * The inspection, "inspections/{inspection}", to report on.
     *
     * @param asSent the request as the caller sent it: a retry must be the same request
     */
    public record CreateReport(String inspection, String requestId, CreateReportRequest asSent) {
    }

    private final CaseServiceClient caseService;
    private final RatingServiceClient ratingService;
    private final ReportStore reports;
    private final ReadingReports reading;
    private final UpdatingReport updating;
    private final RequestRecords requests;
    private final Clock clock;

    AssemblingReport(CaseServiceClient caseService, RatingServiceClient ratingService, ReportStore reports, ReadingReports reading,
                     UpdatingReport updating, RequestRecords requests, Clock clock) {
        this.caseService = caseService;
        this.ratingService = ratingService;
        this.reports = reports;
        this.reading = reading;
        this.updating = updating;
        this.requests = requests;
        this.clock = clock;
    }

    public CreateReportResponse create(Caller caller, CreateReport command) {
        return NeighboursAskedOnce.answer(requests, command.requestId(), command.asSent(), CreateReportResponse.parser(),
                () -> reports.reportOf(command.inspection()).isPresent() ? Optional.<Report.Builder>empty()
                        : Optional.of(assemble(command.inspection())),
                assembled -> {
                    if (assembled.isPresent()) {
                        UUID id = UUID.randomUUID();
                        if (reports.claimInspection(command.inspection(), id)) {
                            return CreateReportResponse.newBuilder().setReport(keep(caller, id, command.inspection(), assembled.get())).build();
                        }
                    }
                    // The inspection has its report: made before, or by a request that claimed it while this one assembled.
                    UUID existing = reports.reportOf(command.inspection()).orElseThrow();
                    Report report = reading.report(caller, new ReadingReports.ReadReport(ReportNames.PREFIX + existing, existing, Optional.empty()));
                    return CreateReportResponse.newBuilder().setReport(report).setExisting(true).build();
                });
    }

    /**
     * The report {@code report}'s latest version, as read ({@code etag}), to assemble again from the latest figures.
     *
     * @param asSent the request as the caller sent it: a retry must be the same request
     */
    public record RefreshFigures(UUID report, String etag, String correctionNote, String requestId, RefreshReportFiguresRequest asSent) {
    }

    /** A new version: the figures assembled again from the inspection's latest ratings, the authors' words kept. */
    public RefreshReportFiguresResponse refresh(Caller caller, RefreshFigures command) {
        String name = ReportNames.PREFIX + command.report();
        return NeighboursAskedOnce.answer(requests, command.requestId(), command.asSent(), RefreshReportFiguresResponse.parser(),
                () -> assemble(reading.report(caller, new ReadingReports.ReadReport(name, command.report(), Optional.empty())).getInspection()),
                figures -> RefreshReportFiguresResponse.newBuilder().setReport(updating.revise(caller, command.report(), command.etag(),
                        command.correctionNote(), latest -> withWords(figures, latest))).build());
    }

    /** The figures assembled, with {@code authored}'s words: each narrative under its standard, where the standard still is. */
    private static Report withWords(Report.Builder figures, Report authored) {
        Map<String, String> narratives = authored.getStandardsList().stream()
                .collect(Collectors.toMap(StandardSection::getStandard, StandardSection::getNarrative));
        figures.getStandardsBuilderList().forEach(s -> s.setNarrative(narratives.getOrDefault(s.getStandard(), "")));
        return figures.setName(authored.getName()).setCreateTime(authored.getCreateTime()).setExecutiveSummary(authored.getExecutiveSummary())
                .setBackground(authored.getBackground()).addAllRecommendations(authored.getRecommendationsList()).build();
    }

    /** The report's figures, refused before the rating state, or while the inspection has no current ratings snapshot or no sample plan. */
    private Report.Builder assemble(String name) {
        Inspection inspection = caseService.inspection(name).orElseThrow(() -> new Refused.NotFound(name));
        if (!DRAFTED_FROM.contains(inspection.getState())) {
            throw new Refused.RulesBroken("STATE", inspection.getName(), "a report is drafted once the inspection is in the rating state "
                    + "(RATING or CLOSED); it is in " + inspection.getState().name().substring("INSPECTION_STATE_".length()));
        }
        RatingSnapshot snapshot = ratingService.latestSnapshot(inspection.getName()).orElseThrow(() -> new Refused.RulesBroken(
                "NO_RATINGS", inspection.getName(), "the inspection has no ratings snapshot yet: ComputeRatings first"));
        SamplePlan plan = caseService.samplePlan(inspection.getName()).orElseThrow(() -> new Refused.RulesBroken(
                "NO_SAMPLE_PLAN", inspection.getName(), "the inspection has no sample plan"));
        Framework framework = ratingService.framework(snapshot.getFramework()).orElseThrow(() -> new Refused.RulesBroken(
                "FRAMEWORK", inspection.getName(), "rating-service no longer knows " + snapshot.getFramework()));
        PopulationSummary population = caseService.populationSummary(inspection.getName());
        GetJudgementTalliesResponse tallies = caseService.tallies(inspection.getName());
        if (!sameTallies(snapshot, tallies)) {
            throw new Refused.RulesBroken("STALE_RATINGS", snapshot.getName(), "the judgements changed after "
                    + snapshot.getName() + " was computed: ComputeRatings again, so that the report's figures agree");
        }
        Sample sample = caseService.sample(inspection.getName()).orElse(Sample.getDefaultInstance());
        return ReportAssembly.assemble(inspection, framework, snapshot, plan, sample, population, tallies);
    }

    /** The report kept as its version 1, by the caller. */
    private Report keep(Caller caller, UUID id, String inspection, Report.Builder assembled) {
        Instant now = ChangingPlan.now(clock);
        Report report = assembled.setName(ReportNames.PREFIX + id).setVersion(1).setEtag(Authoring.etag(1))
                .setCreateTime(Times.timestamp(now)).setUpdateTime(Times.timestamp(now)).setUpdatedBy(caller.subject()).build();
        reports.add(id, inspection, report.toByteArray(), caller.subject(), now);
        return report;
    }

    /** The judgements tallied now are the ones the snapshot was computed from: the prompts' figures then agree with the ratings. */
    private static boolean sameTallies(RatingSnapshot snapshot, GetJudgementTalliesResponse tallies) {
        var now = tallies.getKeyQuestionsList().stream().filter(k -> k.getApplicable() > 0)
                .collect(Collectors.toMap(k -> k.getKeyQuestion(), k -> List.of(k.getYes(), k.getApplicable())));
        var then = snapshot.getInputs().getKeyQuestionTalliesList().stream().filter(k -> k.getApplicable() > 0)
                .collect(Collectors.toMap(k -> k.getKeyQuestion(), k -> List.of(k.getYes(), k.getApplicable())));
        return tallies.getSubmittedCases() == snapshot.getSubmittedCases() && now.equals(then);
    }
}
