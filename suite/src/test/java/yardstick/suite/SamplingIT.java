package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yardstick.cases.v1.CategoryPlan;
import yardstick.cases.v1.CategorySample;
import yardstick.cases.v1.CategorySettings;
import yardstick.cases.v1.DrawSampleRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.GetSampleRequest;
import yardstick.cases.v1.MarginBalance;
import yardstick.cases.v1.PlanSampleRequest;
import yardstick.cases.v1.ReplaceSampledCaseRequest;
import yardstick.cases.v1.ReplaceSampledCaseResponse;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplePlan;
import yardstick.cases.v1.SampledCase;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.SizeRule;
import yardstick.common.v1.CaseCategory;

/** Planning, drawing and replacing through case-service over real gRPC, on real PostgreSQL. */
class SamplingIT {

    private static RunningServices services;
    private static ManagedChannel channel;
    private static List<EligibleCase> population;

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("sampling", Service.RATINGS, Service.CASES);
        channel = services.channel(Service.CASES);
        population = SyntheticPopulation.cases(400, 2021, PopulationIT.FIELDWORK);
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow();
        services.close();
    }

    private static SamplingServiceGrpc.SamplingServiceBlockingStub sampling() {
        return SamplingServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static String inspectionWithPopulation() throws Exception {
        String inspection = PopulationIT.inSampling(channel);
        PopulationIT.importCases(channel, inspection, population, 200);
        return inspection;
    }

    @Test
    void thePlanShowsTheFormulasFiguresForEachCategory() throws Exception {
        String inspection = inspectionWithPopulation();
        SamplePlan plan = sampling().planSample(PlanSampleRequest.newBuilder().setInspection(inspection).build()).getPlan();
        CategoryPlan court = category(plan, CaseCategory.CASE_CATEGORY_COURT);
        assertEquals(0.6, court.getSettings().getRecentShare());
        assertEquals(1.2816, court.getZ(), 0.0001);
        assertEquals(164.237, court.getUncorrectedSize(), 0.001);
        int n = court.getPopulation();
        assertEquals(164.237 / (1 + 163.237 / n), court.getCorrectedSize(), 0.001);
        assertEquals(Math.min(91, (int) Math.ceil(court.getCorrectedSize())), court.getSize());
        assertTrue(court.getMarginOfErrorAchieved() <= 5.0 + 1e-9, "margin " + court.getMarginOfErrorAchieved());

        // Harrow's rule for out-of-court: sized from the court sample by the out-of-court share.
        SamplePlan shared = sampling().planSample(PlanSampleRequest.newBuilder().setInspection(inspection)
                .addSettings(CategorySettings.newBuilder().setCategory(CaseCategory.CASE_CATEGORY_OUT_OF_COURT)
                        .setSizeRule(SizeRule.SIZE_RULE_SHARE_OF_COURT)).build()).getPlan();
        CategoryPlan outOfCourt = category(shared, CaseCategory.CASE_CATEGORY_OUT_OF_COURT);
        assertEquals(Math.round((double) court.getSize() * outOfCourt.getPopulation() / court.getPopulation()), outOfCourt.getSize());
        assertTrue(outOfCourt.getSizeReason().contains("court sample of " + court.getSize()), outOfCourt.getSizeReason());
    }

    @Test
    void aSizeRuleTheServiceDoesNotKnowIsRefusedNamingTheField() throws Exception {
        String inspection = inspectionWithPopulation();
        // Found by the hostile-input fuzzer: an unknown enum number was taken for the default rule and the plan made.
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> sampling().planSample(PlanSampleRequest.newBuilder()
                .setInspection(inspection).addSettings(CategorySettings.newBuilder().setCategory(CaseCategory.CASE_CATEGORY_COURT)
                        .setSizeRuleValue(99)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        com.google.rpc.BadRequest bad = io.grpc.protobuf.StatusProto.fromThrowable(refused).getDetails(0).unpack(com.google.rpc.BadRequest.class);
        assertEquals(List.of("settings[0].size_rule"), bad.getFieldViolationsList().stream().map(v -> v.getField()).toList());
    }

    @Test
    void theDrawMatchesEveryClassificationsTargetAndIsReproducibleFromItsSeed() throws Exception {
        String first = inspectionWithPopulation();
        sampling().planSample(PlanSampleRequest.newBuilder().setInspection(first).build());
        Sample sample = sampling().drawSample(DrawSampleRequest.newBuilder().setInspection(first).setSeed(42).build()).getSample();
        SamplePlan plan = sampling().getSamplePlan(yardstick.cases.v1.GetSamplePlanRequest.newBuilder().setInspection(first).build())
                .getPlan();
        for (CategorySample category : sample.getCategoriesList()) {
            assertEquals(category(plan, category.getCategory()).getSize(), category.getCasesCount());
            for (MarginBalance balance : category.getBalanceList()) {
                assertTrue(Math.abs(balance.getAchieved() - balance.getProportionalTarget()) < 1.0 + 1e-9, balance.toString());
            }
            assertTrue(category.getMethod().startsWith("balanced probability sample"), category.getMethod());
            for (SampledCase sampled : category.getCasesList()) {
                assertTrue(sampled.getInclusionProbability() > 0 && sampled.getInclusionProbability() <= 1, sampled.toString());
            }
        }
        assertEquals(sample, sampling().getSample(GetSampleRequest.newBuilder().setInspection(first).build()).getSample());

        String second = inspectionWithPopulation();
        sampling().planSample(PlanSampleRequest.newBuilder().setInspection(second).build());
        Sample again = sampling().drawSample(DrawSampleRequest.newBuilder().setInspection(second).setSeed(42).build()).getSample();
        assertEquals(references(sample), references(again), "the same population, plan and seed give the same sample");
    }

    @Test
    void aDrawnSampleIsNeitherRedrawnNorItsPopulationReimported() throws Exception {
        String inspection = inspectionWithPopulation();
        StatusRuntimeException noPlan = assertThrows(StatusRuntimeException.class,
                () -> sampling().drawSample(DrawSampleRequest.newBuilder().setInspection(inspection).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, noPlan.getStatus().getCode());
        sampling().planSample(PlanSampleRequest.newBuilder().setInspection(inspection).build());
        sampling().drawSample(DrawSampleRequest.newBuilder().setInspection(inspection).build());
        assertEquals(Status.Code.FAILED_PRECONDITION, assertThrows(StatusRuntimeException.class,
                () -> sampling().drawSample(DrawSampleRequest.newBuilder().setInspection(inspection).build())).getStatus().getCode());
        ExecutionException reimport = assertThrows(ExecutionException.class,
                () -> PopulationIT.importCases(channel, inspection, population, 200));
        assertEquals(Status.Code.FAILED_PRECONDITION, ((StatusRuntimeException) reimport.getCause()).getStatus().getCode());
    }

    @Test
    void aCaseThatCannotBeInspectedIsReplacedFromTheSameStratumWithTheReasonKept() throws Exception {
        String inspection = inspectionWithPopulation();
        sampling().planSample(PlanSampleRequest.newBuilder().setInspection(inspection).build());
        Sample sample = sampling().drawSample(DrawSampleRequest.newBuilder().setInspection(inspection).setSeed(7).build()).getSample();
        SampledCase out = sample.getCategories(0).getCases(3);

        ReplaceSampledCaseResponse replaced = sampling().replaceSampledCase(ReplaceSampledCaseRequest.newBuilder()
                .setInspection(inspection).setReference(out.getReference()).setReason("case transferred to another service").build());
        assertFalse(replaced.getStratumExhausted(), replaced.getNote());
        Map<String, EligibleCase> byReference = population.stream().collect(Collectors.toMap(EligibleCase::getReference, Function.identity()));
        EligibleCase was = byReference.get(out.getReference());
        EligibleCase now = byReference.get(replaced.getReplacement().getReference());
        assertEquals(List.of(was.getGender(), was.getDisposalType(), was.getRiskOfSeriousHarm(), was.getSafetyAndWellbeing()),
                List.of(now.getGender(), now.getDisposalType(), now.getRiskOfSeriousHarm(), now.getSafetyAndWellbeing()));
        assertEquals(out.getRecent(), replaced.getReplacement().getRecent());
        assertEquals(out.getReference(), replaced.getReplacement().getReplaces());

        SampledCase kept = replaced.getSample().getCasesList().stream().filter(c -> c.getReference().equals(out.getReference()))
                .findFirst().orElseThrow();
        assertFalse(kept.getActive());
        assertEquals("case transferred to another service", kept.getReplacedBecause());
        assertEquals(sample.getCategories(0).getBalanceList(), replaced.getSample().getBalanceList(), "the counts are unchanged");

        StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> sampling().replaceSampledCase(
                ReplaceSampledCaseRequest.newBuilder().setInspection(inspection).setReference(out.getReference()).setReason("x").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, again.getStatus().getCode());
    }

    private static CategoryPlan category(SamplePlan plan, CaseCategory category) {
        return plan.getCategoriesList().stream().filter(c -> c.getSettings().getCategory() == category).findFirst().orElseThrow();
    }

    private static List<List<String>> references(Sample sample) {
        return sample.getCategoriesList().stream()
                .map(c -> c.getCasesList().stream().map(SampledCase::getReference).toList())
                .toList();
    }
}
