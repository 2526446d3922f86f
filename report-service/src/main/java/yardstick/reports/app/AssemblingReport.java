package yardstick.reports.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.PopulationSummary;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplePlan;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.reports.domain.Authoring;
import yardstick.reports.peers.CaseServiceClient;
import yardstick.reports.peers.RatingServiceClient;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.Report;

/**
 * A report's first version, assembled from the inspection's ratings snapshot, sample plan and
 * caseload. In two steps, because a retried request (AIP-155) is answered between them: the
 * neighbours are asked first, outside any transaction, and only then is the report kept, in the
 * transaction that records the request's answer.
 */
@Singleton
public class AssemblingReport {

    /** The inspection, "inspections/{inspection}", to report on. */
    public record AssembleReport(String inspection) {
    }

    /** A report assembled, not yet kept. */
    public record Assembled(String inspection, Report.Builder report) {
    }

    private final CaseServiceClient caseService;
    private final RatingServiceClient ratingService;
    private final ReportStore reports;

    AssemblingReport(CaseServiceClient caseService, RatingServiceClient ratingService, ReportStore reports) {
        this.caseService = caseService;
        this.ratingService = ratingService;
        this.reports = reports;
    }

    /** The report's figures, refused while the inspection has no current ratings snapshot or no sample plan. */
    public Assembled assemble(AssembleReport command) {
        Inspection inspection = caseService.inspection(command.inspection()).orElseThrow(() -> new Refused.NotFound(command.inspection()));
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
        return new Assembled(inspection.getName(), ReportAssembly.assemble(inspection, framework, snapshot, plan, sample, population, tallies));
    }

    /** The report kept as its version 1, by the caller. */
    @Transactional
    public Report keep(Caller caller, Assembled assembled) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Report report = assembled.report().setName(ReportNames.PREFIX + id).setVersion(1).setEtag(Authoring.etag(1))
                .setCreateTime(Times.timestamp(now)).setUpdateTime(Times.timestamp(now)).setUpdatedBy(caller.subject()).build();
        reports.add(id, assembled.inspection(), report.toByteArray(), caller.subject(), now);
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
