package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static yardstick.cases.v1.InspectionState.INSPECTION_STATE_CLOSED;
import static yardstick.cases.v1.InspectionState.INSPECTION_STATE_FIELDWORK;
import static yardstick.cases.v1.InspectionState.INSPECTION_STATE_PLANNING;
import static yardstick.cases.v1.InspectionState.INSPECTION_STATE_RATING;
import static yardstick.cases.v1.InspectionState.INSPECTION_STATE_SAMPLING;

import com.google.protobuf.FieldMask;
import com.google.rpc.PreconditionFailure;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yardstick.cases.v1.AssignCasesRequest;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.CategorySettings;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.DrawModerationSampleRequest;
import yardstick.cases.v1.DrawSampleRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.FieldworkServiceGrpc;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.ModerateCaseRequest;
import yardstick.cases.v1.ModerationOutcome;
import yardstick.cases.v1.PickCasesForModerationRequest;
import yardstick.cases.v1.PlanSampleRequest;
import yardstick.cases.v1.ReplaceSampledCaseRequest;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.SubmitCaseJudgementsRequest;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;
import yardstick.cases.v1.UpdateInspectionRequest;
import yardstick.common.v1.CaseCategory;
import yardstick.platform.testing.TestIdentity;
import yardstick.ratings.v1.Framework;

/**
 * An inspection walked through every state, trying every writing use case in every state: each is
 * allowed only where the table says, and each refusal is FAILED_PRECONDITION naming the state(s) it
 * needs. The table is this test's own (the workflow of issue 13), not read from the service; rows for
 * rating-service and report-service are added to {@link #TABLE} the same way.
 */
class InspectionStatesIT {

    private static final Set<InspectionState> SAMPLING = EnumSet.of(INSPECTION_STATE_SAMPLING);
    private static final Set<InspectionState> SAMPLING_AND_FIELDWORK = EnumSet.of(INSPECTION_STATE_SAMPLING, INSPECTION_STATE_FIELDWORK);
    private static final Set<InspectionState> FIELDWORK = EnumSet.of(INSPECTION_STATE_FIELDWORK);
    private static final Set<InspectionState> UNTIL_CLOSED = EnumSet.of(INSPECTION_STATE_PLANNING, INSPECTION_STATE_SAMPLING,
            INSPECTION_STATE_FIELDWORK, INSPECTION_STATE_RATING);

    private static RunningServices services;
    private static ManagedChannel cases;
    private static Framework kent;
    private static List<EligibleCase> population;
    private static Map<String, EligibleCase> byReference;

    /** A writing use case, the states that allow it, and an attempt at it that succeeds where it is allowed. */
    private record Row(String useCase, Set<InspectionState> allowedIn, Attempt attempt) {
    }

    @FunctionalInterface
    private interface Attempt {
        void run(Walked walked) throws Exception;
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    /** In the order tried within each state: the population before the plan, the plan before the draw, a case judged before it is moderated. */
    private static final List<Row> TABLE = List.of(
            new Row("ImportCases", SAMPLING, w -> PopulationIT.importCases(cases, w.inspection, population, 500)),
            new Row("PlanSample", SAMPLING, w -> sampling().planSample(PlanSampleRequest.newBuilder().setInspection(w.inspection)
                    .addAllSettings(smallSample()).build())),
            new Row("DrawSample", SAMPLING, w -> sampling().drawSample(DrawSampleRequest.newBuilder().setInspection(w.inspection)
                    .setSeed(13).setRequestId(UUID.randomUUID().toString()).build())),
            new Row("ReplaceSampledCase", SAMPLING_AND_FIELDWORK, w -> sampling().replaceSampledCase(ReplaceSampledCaseRequest.newBuilder()
                    .setInspection(w.inspection).setReference(w.replaceable()).setReason("the case was transferred to another service")
                    .setRequestId(UUID.randomUUID().toString()).build())),
            new Row("AssignCases", SAMPLING_AND_FIELDWORK, w -> fieldwork(tester()).assignCases(AssignCasesRequest.newBuilder()
                    .setInspection(w.inspection).setInspector(TestIdentity.TESTER).addAllReferences(w.activeOrPlaceholder())
                    .setRequestId(UUID.randomUUID().toString()).build())),
            new Row("UpdateCaseJudgements", FIELDWORK, w -> judging(tester()).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder()
                    .setJudgements(SyntheticJudgements.forCase(w.judged(), kent, w.judgedCase(), SyntheticJudgements::hashed)
                            .setEtag(w.etag(w.judged()))).build())),
            new Row("SubmitCaseJudgements", FIELDWORK, w -> judging(tester()).submitCaseJudgements(SubmitCaseJudgementsRequest.newBuilder()
                    .setName(w.judged()).setEtag(w.etag(w.judged())).build())),
            new Row("PickCasesForModeration", FIELDWORK, w -> fieldwork(tester()).pickCasesForModeration(PickCasesForModerationRequest
                    .newBuilder().setInspection(w.inspection).addReferences(w.firstCase()).setRequestId(UUID.randomUUID().toString()).build())),
            new Row("DrawModerationSample", FIELDWORK, w -> fieldwork(tester()).drawModerationSample(DrawModerationSampleRequest.newBuilder()
                    .setInspection(w.inspection).setSeed(5).setRequestId(UUID.randomUUID().toString()).build())),
            new Row("ModerateCase", FIELDWORK, w -> fieldwork(reader()).moderateCase(ModerateCaseRequest.newBuilder().setName(w.judged())
                    .setEtag(w.etag(w.judged())).setOutcome(ModerationOutcome.MODERATION_OUTCOME_CONFIRMED)
                    .setRequestId(UUID.randomUUID().toString()).build())),
            new Row("UpdateInspection", UNTIL_CLOSED, w -> {
                Inspection current = w.stages.inspection(w.inspection);
                inspections().updateInspection(UpdateInspectionRequest.newBuilder()
                        .setInspection(Inspection.newBuilder().setName(w.inspection).setEtag(current.getEtag())
                                .setFieldworkEnd(SyntheticPopulation.date(PopulationIT.FIELDWORK.plusDays(5 + current.getState().getNumber()))))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("fieldwork_end")).build());
            }));

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("states", Service.RATINGS, Service.CASES);
        cases = services.plainChannel(Service.CASES);
        kent = ProcessTestSupport.framework(services, "frameworks/youth-2019");
        population = SyntheticPopulation.cases(120, 31, PopulationIT.FIELDWORK);
        byReference = population.stream().collect(Collectors.toMap(EligibleCase::getReference, Function.identity()));
    }

    @AfterAll
    static void stop() throws Exception {
        cases.shutdownNow();
        services.close();
    }

    @Test
    void everyWritingUseCaseIsAllowedOnlyInTheStatesTheTableSaysAndEachRefusalNamesTheStateItNeeds() throws Exception {
        Walked walked = new Walked(inspections().createInspection(CreateInspectionRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setInspection(Inspection.newBuilder().setInspectedService(InspectedServices.registered(cases,
                                ProcessTestSupport.signIns().as(SignIns.ADMINISTRATOR), PopulationIT.SYNTHETIC))
                        .setFieldworkStart(SyntheticPopulation.date(PopulationIT.FIELDWORK))
                        .setFieldworkEnd(SyntheticPopulation.date(PopulationIT.FIELDWORK.plusDays(4)))
                        .setFramework("frameworks/youth-2019").addTeam("inspector-2"))
                .build()).getInspection().getName());

        tryEveryUseCase(walked, INSPECTION_STATE_PLANNING);
        walked.stages.moveTo(walked.inspection, INSPECTION_STATE_SAMPLING);
        assertRefused(() -> walked.stages.moveTo(walked.inspection, INSPECTION_STATE_FIELDWORK), "SAMPLE_NOT_DRAWN");
        tryEveryUseCase(walked, INSPECTION_STATE_SAMPLING);
        assertRefused(() -> inspections().updateInspection(UpdateInspectionRequest.newBuilder()
                .setInspection(Inspection.newBuilder().setName(walked.inspection).setEtag(walked.stages.inspection(walked.inspection).getEtag())
                        .setFramework("frameworks/youth-2021"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("framework")).build()), "FRAMEWORK");

        walked.stages.moveTo(walked.inspection, INSPECTION_STATE_FIELDWORK);
        tryEveryUseCase(walked, INSPECTION_STATE_FIELDWORK);
        walked.judgeTheRest();
        // The lead picks the last case too: submitted, not yet read again, so rating must wait for it.
        List<String> active = walked.stages.activeCases(walked.inspection);
        fieldwork(tester()).pickCasesForModeration(PickCasesForModerationRequest.newBuilder().setInspection(walked.inspection)
                .addReferences(active.get(active.size() - 1)).setRequestId(UUID.randomUUID().toString()).build());
        assertRefused(() -> walked.stages.moveTo(walked.inspection, INSPECTION_STATE_RATING), "NOT_MODERATED");
        walked.stages.confirmModeration(walked.inspection, FieldworkServiceGrpc.newBlockingStub(cases).withCallCredentials(tester())
                .getModerationSample(yardstick.cases.v1.GetModerationSampleRequest.newBuilder().setInspection(walked.inspection).build())
                .getModerationSample(), reader());

        walked.stages.moveTo(walked.inspection, INSPECTION_STATE_RATING);
        tryEveryUseCase(walked, INSPECTION_STATE_RATING);
        walked.stages.moveTo(walked.inspection, INSPECTION_STATE_CLOSED);
        tryEveryUseCase(walked, INSPECTION_STATE_CLOSED);
    }

    @Test
    void ratingWaitsForEveryCaseSubmittedAndTheModerationSampleDrawn() throws Exception {
        String inspection = PopulationIT.newInspection(InspectionServiceGrpc.newBlockingStub(cases).withCallCredentials(tester()));
        InspectionStages stages = new InspectionStages(cases, tester());
        stages.sampled(inspection, population, 17, smallSample());
        stages.startFieldwork(inspection, TestIdentity.TESTER);
        StatusRuntimeException refused = assertThrowsStatus(() -> stages.moveTo(inspection, INSPECTION_STATE_RATING));
        assertEquals(List.of("NOT_SUBMITTED", "MODERATION_NOT_DRAWN"), violations(refused).stream()
                .map(PreconditionFailure.Violation::getType).toList());
    }

    /** Tries every row of the table in {@code state}: allowed rows succeed, the others are refused naming the states they need. */
    private static void tryEveryUseCase(Walked walked, InspectionState state) throws Exception {
        assertEquals(state, walked.stages.inspection(walked.inspection).getState());
        for (Row row : TABLE) {
            if (row.allowedIn().contains(state)) {
                try {
                    row.attempt().run(walked);
                } catch (StatusRuntimeException | java.util.concurrent.ExecutionException e) {
                    fail(row.useCase() + " is allowed in " + state + " but was refused: " + e.getMessage(), e);
                }
            } else {
                StatusRuntimeException refused = assertThrowsStatus(() -> row.attempt().run(walked));
                assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode(), row.useCase() + " in " + state);
                PreconditionFailure.Violation violation = violations(refused).get(0);
                assertEquals("STATE", violation.getType(), row.useCase() + " in " + state);
                for (InspectionState needed : row.allowedIn()) {
                    assertTrue(violation.getDescription().contains(needed.name().substring("INSPECTION_STATE_".length())),
                            row.useCase() + " in " + state + " names " + needed + ": " + violation.getDescription());
                }
            }
        }
    }

    /** The inspection walked, and the cases the attempts work on. */
    private static final class Walked {
        final String inspection;
        final InspectionStages stages = new InspectionStages(cases, tester());

        Walked(String inspection) {
            this.inspection = inspection;
        }

        boolean drawn() {
            try {
                return !stages.activeCases(inspection).isEmpty();
            } catch (StatusRuntimeException notYet) {
                return false;
            }
        }

        List<String> activeOrPlaceholder() {
            return drawn() ? stages.activeCases(inspection) : List.of(population.get(0).getReference());
        }

        String firstCase() {
            return activeOrPlaceholder().get(0);
        }

        /** The last active case: replaced where replacing is allowed, so that the first stays for judging. */
        String replaceable() {
            List<String> active = activeOrPlaceholder();
            return active.get(active.size() - 1);
        }

        String judged() {
            return inspection + "/cases/" + firstCase() + "/judgements";
        }

        EligibleCase judgedCase() {
            return byReference.get(firstCase());
        }

        String etag(String name) {
            if (!drawn()) {
                return "";
            }
            return JudgementServiceGrpc.newBlockingStub(cases).withCallCredentials(tester())
                    .getCaseJudgements(GetCaseJudgementsRequest.newBuilder().setName(name).build()).getJudgements().getEtag();
        }

        /** Every active case but the first judged and submitted by the tester, to whom all are assigned. */
        void judgeTheRest() {
            List<String> active = stages.activeCases(inspection);
            for (String reference : active.subList(1, active.size())) {
                String name = inspection + "/cases/" + reference + "/judgements";
                CaseJudgements saved = judging(tester()).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder()
                        .setJudgements(SyntheticJudgements.forCase(name, kent, byReference.get(reference), SyntheticJudgements::hashed)).build())
                        .getJudgements();
                judging(tester()).submitCaseJudgements(SubmitCaseJudgementsRequest.newBuilder().setName(name).setEtag(saved.getEtag()).build());
            }
        }
    }

    private static List<CategorySettings> smallSample() {
        List<CategorySettings> settings = new ArrayList<>();
        for (CaseCategory category : List.of(CaseCategory.CASE_CATEGORY_COURT, CaseCategory.CASE_CATEGORY_OUT_OF_COURT)) {
            settings.add(CategorySettings.newBuilder().setCategory(category).setMinimum(1).setMaximum(4).build());
        }
        return settings;
    }

    private static void assertRefused(Call call, String type) {
        StatusRuntimeException refused = assertThrowsStatus(call);
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode(), refused.getStatus().toString());
        assertTrue(violations(refused).stream().anyMatch(v -> v.getType().equals(type)), violations(refused).toString());
    }

    private static StatusRuntimeException assertThrowsStatus(Call call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                return status;
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a refusal, but the call succeeded");
    }

    private static List<PreconditionFailure.Violation> violations(StatusRuntimeException refused) {
        return ProcessTestSupport.violations(refused);
    }

    private static CallCredentials tester() {
        return ProcessTestSupport.tester();
    }

    /** The second reader: an inspector on the team who judged none of its cases. */
    private static CallCredentials reader() {
        return ProcessTestSupport.signIns().user("inspector-2");
    }

    private static InspectionServiceGrpc.InspectionServiceBlockingStub inspections() {
        return InspectionServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(tester());
    }

    private static SamplingServiceGrpc.SamplingServiceBlockingStub sampling() {
        return SamplingServiceGrpc.newBlockingStub(cases).withDeadlineAfter(60, TimeUnit.SECONDS).withCallCredentials(tester());
    }

    private static FieldworkServiceGrpc.FieldworkServiceBlockingStub fieldwork(CallCredentials as) {
        return FieldworkServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(as);
    }

    private static JudgementServiceGrpc.JudgementServiceBlockingStub judging(CallCredentials as) {
        return JudgementServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(as);
    }
}
