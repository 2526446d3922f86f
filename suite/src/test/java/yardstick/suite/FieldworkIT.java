package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.PreconditionFailure;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import yardstick.cases.v1.AssignCasesRequest;
import yardstick.cases.v1.CaseEvent;
import yardstick.cases.v1.CaseEventType;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.DrawModerationSampleRequest;
import yardstick.cases.v1.DrawSampleRequest;
import yardstick.cases.v1.DrawSampleResponse;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.FieldworkServiceGrpc;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetSampleRequest;
import yardstick.cases.v1.GetWorkloadRequest;
import yardstick.cases.v1.GetWorkloadResponse;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.InspectorWorkload;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.ModerateCaseRequest;
import yardstick.cases.v1.ModerateCaseResponse;
import yardstick.cases.v1.ModeratedCase;
import yardstick.cases.v1.ModerationOutcome;
import yardstick.cases.v1.ModerationSample;
import yardstick.cases.v1.ModerationStatus;
import yardstick.cases.v1.PickCasesForModerationRequest;
import yardstick.cases.v1.PlanSampleRequest;
import yardstick.cases.v1.ReplaceSampledCaseRequest;
import yardstick.cases.v1.ReplaceSampledCaseResponse;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SampledCase;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.SubmitCaseJudgementsRequest;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;
import yardstick.platform.testing.TestIdentity;
import yardstick.ratings.v1.Framework;

/**
 * Fieldwork as the inspectorate runs it: cases assigned by the lead to the inspectors on the team,
 * each judging only their own; a second reader moderating the lead's picks and a random share, never
 * their own cases, confirming or returning them; and the writes of sampling and fieldwork answered
 * once when retried with their request_id.
 */
class FieldworkIT {

    private static final String FIRST = "inspector-1";
    private static final String SECOND = "inspector-2";

    private static RunningServices services;
    private static ManagedChannel cases;
    private static Framework kent;
    private static List<EligibleCase> population;
    private static Map<String, EligibleCase> byReference;

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("fieldwork", Service.RATINGS, Service.CASES);
        cases = services.plainChannel(Service.CASES);
        kent = ProcessTestSupport.framework(services, "frameworks/youth-2019");
        population = SyntheticPopulation.cases(200, 57, PopulationIT.FIELDWORK);
        byReference = population.stream().collect(Collectors.toMap(EligibleCase::getReference, Function.identity()));
    }

    @AfterAll
    static void stop() throws Exception {
        cases.shutdownNow();
        services.close();
    }

    /** An inspection led by the tester with both inspectors on its team, its sample drawn with {@code seed}, in sampling. */
    private static String drawn(long seed) throws Exception {
        String inspection = PopulationIT.newInspection(yardstick.cases.v1.InspectionServiceGrpc.newBlockingStub(cases).withCallCredentials(tester()));
        InspectionStages stages = stages();
        stages.joinTeam(inspection, FIRST, SECOND);
        stages.sampled(inspection, population, seed, List.of());
        return inspection;
    }

    @Test
    void anInspectorJudgesOnlyTheCasesAssignedToThemAndTheLeadsReassignmentIsOnRecord() throws Exception {
        String inspection = drawn(3);
        List<String> active = stages().activeCases(inspection);
        String mine = active.get(0);
        String theirs = active.get(1);
        String nobodys = active.get(2);
        stages().assign(inspection, FIRST, List.of(mine));
        stages().assign(inspection, SECOND, List.of(theirs));
        stages().moveTo(inspection, InspectionState.INSPECTION_STATE_FIELDWORK);

        assertEquals(Status.Code.PERMISSION_DENIED, status(() -> draft(user(FIRST), inspection, theirs, "")).getCode(),
                "a case assigned to another inspector");
        assertEquals(Status.Code.PERMISSION_DENIED, status(() -> draft(user(FIRST), inspection, nobodys, "")).getCode(),
                "a case assigned to nobody");
        CaseJudgements judged = draft(user(FIRST), inspection, mine, "");
        assertEquals(FIRST, judged.getJudgedBy());
        assertEquals(FIRST, judged.getInspector());

        stages().assign(inspection, FIRST, List.of(theirs));
        CaseJudgements reassigned = read(tester(), inspection, theirs);
        assertEquals(FIRST, reassigned.getInspector());
        List<CaseEvent> history = reassigned.getHistoryList();
        assertEquals(2, history.size(), history.toString());
        assertEquals(CaseEventType.CASE_EVENT_TYPE_ASSIGNED, history.get(1).getType());
        assertEquals(TestIdentity.TESTER, history.get(1).getActor(), "the lead who reassigned it");
        assertEquals(SECOND, history.get(1).getPreviousInspector());
        assertEquals(FIRST, history.get(1).getInspector());
        assertTrue(history.get(1).hasTime());
        assertEquals(Status.Code.PERMISSION_DENIED, status(() -> draft(user(SECOND), inspection, theirs, "")).getCode(),
                "no longer theirs");
        draft(user(FIRST), inspection, theirs, "");
        submit(user(FIRST), inspection, mine);

        GetWorkloadResponse workload = fieldwork(tester()).getWorkload(GetWorkloadRequest.newBuilder().setInspection(inspection).build());
        assertEquals(active.size() - 2, workload.getUnassigned());
        InspectorWorkload first = workload.getInspectorsList().stream().filter(w -> w.getInspector().equals(FIRST)).findFirst().orElseThrow();
        assertEquals(List.of(2, 0, 1, 1, 0), List.of(first.getAssigned(), first.getNotStarted(), first.getInDraft(), first.getSubmitted(),
                first.getReturned()));
        assertTrue(workload.getInspectorsList().stream().noneMatch(w -> w.getInspector().equals(SECOND)), workload.toString());

        StatusRuntimeException submittedStays = assertThrows(StatusRuntimeException.class,
                () -> stages().assign(inspection, SECOND, List.of(mine)));
        assertEquals("SUBMITTED", violation(submittedStays).getType());
        StatusRuntimeException offTheTeam = assertThrows(StatusRuntimeException.class,
                () -> stages().assign(inspection, "inspector-3", List.of(nobodys)));
        assertEquals(Status.Code.INVALID_ARGUMENT, offTheTeam.getStatus().getCode());
    }

    @Test
    void aSecondReaderReturnsACaseToItsInspectorAsADraftWithItsHistoryAndNeverReadsTheirOwn() throws Exception {
        String inspection = drawn(4);
        List<String> active = stages().activeCases(inspection);
        String reference = active.get(0);
        String unpicked = active.get(1);
        stages().assign(inspection, FIRST, active);
        stages().moveTo(inspection, InspectionState.INSPECTION_STATE_FIELDWORK);
        CaseJudgements drafted = draft(user(FIRST), inspection, reference, "");
        CaseJudgements submitted = submit(user(FIRST), inspection, reference);
        submit(user(FIRST), inspection, unpicked, draft(user(FIRST), inspection, unpicked, "").getEtag());
        assertNotEquals(drafted.getEtag(), submitted.getEtag());
        fieldwork(tester()).pickCasesForModeration(PickCasesForModerationRequest.newBuilder().setInspection(inspection)
                .addReferences(reference).setRequestId(UUID.randomUUID().toString()).build());
        assertEquals(ModerationStatus.MODERATION_STATUS_AWAITING_READER, read(tester(), inspection, reference).getModeration().getStatus());
        int tallied = tallies(inspection);

        StatusRuntimeException own = assertThrows(StatusRuntimeException.class, () -> moderate(user(FIRST), inspection, reference,
                submitted.getEtag(), ModerationOutcome.MODERATION_OUTCOME_CONFIRMED, ""));
        assertEquals(Status.Code.PERMISSION_DENIED, own.getStatus().getCode(), "a case's own inspector is never its second reader");
        assertEquals("NOT_SELECTED", violation(assertThrows(StatusRuntimeException.class, () -> moderate(user(SECOND), inspection, unpicked,
                read(tester(), inspection, unpicked).getEtag(), ModerationOutcome.MODERATION_OUTCOME_CONFIRMED, ""))).getType());
        assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class, () -> moderate(user(SECOND), inspection,
                reference, submitted.getEtag(), ModerationOutcome.MODERATION_OUTCOME_RETURNED, " ")).getStatus().getCode(),
                "a return needs a reason");

        String why = "2.1.3 is judged yes, but the plan on file predates the offence; look again";
        CaseJudgements returned = moderate(user(SECOND), inspection, reference, submitted.getEtag(),
                ModerationOutcome.MODERATION_OUTCOME_RETURNED, why).getJudgements();
        assertFalse(returned.getSubmitted(), "back to its inspector as a draft");
        assertEquals(submitted.getKeyQuestionsList(), returned.getKeyQuestionsList(), "the judgements as submitted stay as the draft");
        assertEquals(FIRST, returned.getInspector());
        assertEquals(ModerationStatus.MODERATION_STATUS_AWAITING_SUBMISSION, returned.getModeration().getStatus());
        assertEquals(List.of(CaseEventType.CASE_EVENT_TYPE_ASSIGNED, CaseEventType.CASE_EVENT_TYPE_SUBMITTED, CaseEventType.CASE_EVENT_TYPE_RETURNED),
                returned.getHistoryList().stream().map(CaseEvent::getType).toList());
        CaseEvent returning = returned.getHistory(2);
        assertEquals(SECOND, returning.getActor());
        assertEquals(why, returning.getReason());
        assertEquals(FIRST, returned.getHistory(1).getActor());
        assertEquals(tallied - 1, tallies(inspection), "the tallies count submitted cases only");
        InspectorWorkload first = fieldwork(tester()).getWorkload(GetWorkloadRequest.newBuilder().setInspection(inspection).build())
                .getInspectorsList().get(0);
        assertEquals(1, first.getReturned());

        CaseJudgements again = submit(user(FIRST), inspection, reference, returned.getEtag());
        assertEquals(tallied, tallies(inspection));
        CaseJudgements confirmed = moderate(user(SECOND), inspection, reference, again.getEtag(),
                ModerationOutcome.MODERATION_OUTCOME_CONFIRMED, "").getJudgements();
        assertEquals(ModerationStatus.MODERATION_STATUS_CONFIRMED, confirmed.getModeration().getStatus());
        assertEquals(SECOND, confirmed.getModeration().getConfirmedBy());
        assertEquals(List.of(CaseEventType.CASE_EVENT_TYPE_ASSIGNED, CaseEventType.CASE_EVENT_TYPE_SUBMITTED, CaseEventType.CASE_EVENT_TYPE_RETURNED,
                        CaseEventType.CASE_EVENT_TYPE_SUBMITTED, CaseEventType.CASE_EVENT_TYPE_CONFIRMED),
                confirmed.getHistoryList().stream().map(CaseEvent::getType).toList());
        assertEquals("CONFIRMED", violation(assertThrows(StatusRuntimeException.class, () -> moderate(user(SECOND), inspection, reference,
                confirmed.getEtag(), ModerationOutcome.MODERATION_OUTCOME_CONFIRMED, ""))).getType());
    }

    @Test
    void theRandomModerationShareIsReproducibleFromItsRecordedSeed() throws Exception {
        ModerationSample first = moderationSampleOf(drawn(5), 2027);
        ModerationSample second = moderationSampleOf(drawn(5), 2027);
        assertTrue(first.getDrawn());
        assertEquals(2027, first.getSeed());
        assertEquals(0.1, first.getShare(), 1e-12, "a tenth by default");
        int active = stages().activeCases(first.getInspection()).size();
        assertEquals((int) Math.ceil(active / 10.0), first.getCasesCount(), "a tenth of " + active + " active cases, rounded up");
        assertTrue(first.getCasesList().stream().allMatch(c -> c.getModeration().getInRandomShare() && !c.getModeration().getPickedByLead()));
        assertEquals(references(first), references(second), "the same sample and seed draw the same cases");

        StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> fieldwork(tester()).drawModerationSample(
                DrawModerationSampleRequest.newBuilder().setInspection(first.getInspection()).setSeed(1).setRequestId(UUID.randomUUID().toString())
                        .build()));
        assertEquals("MODERATION_DRAWN", violation(again).getType());
    }

    @Test
    void retriesOfTheDrawAReplacementAnAssignmentASubmissionAndAModerationAnswerTheFirstAnswer() throws Exception {
        String inspection = PopulationIT.newInspection(yardstick.cases.v1.InspectionServiceGrpc.newBlockingStub(cases).withCallCredentials(tester()));
        stages().joinTeam(inspection, SECOND);
        stages().moveTo(inspection, InspectionState.INSPECTION_STATE_SAMPLING);
        PopulationIT.importCases(cases, inspection, population, 500);
        sampling().planSample(PlanSampleRequest.newBuilder().setInspection(inspection).build());
        DrawSampleRequest draw = DrawSampleRequest.newBuilder().setInspection(inspection).setSeed(0).setRequestId(UUID.randomUUID().toString()).build();
        DrawSampleResponse drawn = sampling().drawSample(draw);
        assertEquals(drawn, sampling().drawSample(draw), "a retry answers the first draw (its chosen seed too), not a refusal");
        assertEquals("SAMPLE_DRAWN", violation(assertThrows(StatusRuntimeException.class, () -> sampling().drawSample(
                draw.toBuilder().setRequestId(UUID.randomUUID().toString()).build()))).getType(), "a new request is a second draw");

        String out = drawn.getSample().getCategories(0).getCases(0).getReference();
        ReplaceSampledCaseRequest replace = ReplaceSampledCaseRequest.newBuilder().setInspection(inspection).setReference(out)
                .setReason("the child moved out of the area").setRequestId(UUID.randomUUID().toString()).build();
        ReplaceSampledCaseResponse replaced = sampling().replaceSampledCase(replace);
        assertEquals(replaced, sampling().replaceSampledCase(replace));
        Sample sample = sampling().getSample(GetSampleRequest.newBuilder().setInspection(inspection).build()).getSample();
        assertEquals(1, sample.getCategoriesList().stream().flatMap(c -> c.getCasesList().stream()).filter(c -> !c.getActive()).count(),
                "one case replaced, once");

        List<String> active = stages().activeCases(inspection);
        AssignCasesRequest assign = AssignCasesRequest.newBuilder().setInspection(inspection).setInspector(TestIdentity.TESTER)
                .addAllReferences(active).setRequestId(UUID.randomUUID().toString()).build();
        assertEquals(fieldwork(tester()).assignCases(assign), fieldwork(tester()).assignCases(assign));
        stages().moveTo(inspection, InspectionState.INSPECTION_STATE_FIELDWORK);
        String reference = active.get(0);
        assertEquals(1, read(tester(), inspection, reference).getHistoryCount(), "assigned once");
        SubmitCaseJudgementsRequest submit = SubmitCaseJudgementsRequest.newBuilder().setName(name(inspection, reference))
                .setEtag(draft(tester(), inspection, reference, "").getEtag()).setRequestId(UUID.randomUUID().toString()).build();
        CaseJudgements submitted = judging(tester()).submitCaseJudgements(submit).getJudgements();
        assertEquals(submitted, judging(tester()).submitCaseJudgements(submit).getJudgements(),
                "a retried submission answers the first answer, not SUBMITTED");
        fieldwork(tester()).pickCasesForModeration(PickCasesForModerationRequest.newBuilder().setInspection(inspection)
                .addReferences(reference).setRequestId(UUID.randomUUID().toString()).build());
        ModerateCaseRequest confirm = ModerateCaseRequest.newBuilder().setName(name(inspection, reference)).setEtag(submitted.getEtag())
                .setOutcome(ModerationOutcome.MODERATION_OUTCOME_CONFIRMED).setRequestId(UUID.randomUUID().toString()).build();
        ModerateCaseResponse first = fieldwork(user(SECOND)).moderateCase(confirm);
        assertEquals(first, fieldwork(user(SECOND)).moderateCase(confirm), "a retry answers the first confirmation, not CONFIRMED");
        assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class, () -> fieldwork(user(SECOND))
                .moderateCase(confirm.toBuilder().setOutcome(ModerationOutcome.MODERATION_OUTCOME_RETURNED).setReason("no").build()))
                .getStatus().getCode(), "the same request_id on a different request");
    }

    private static ModerationSample moderationSampleOf(String inspection, long seed) {
        stages().startFieldwork(inspection, FIRST);
        return fieldwork(tester()).drawModerationSample(DrawModerationSampleRequest.newBuilder().setInspection(inspection).setSeed(seed)
                .setRequestId(UUID.randomUUID().toString()).build()).getModerationSample();
    }

    private static List<String> references(ModerationSample sample) {
        return sample.getCasesList().stream().map(ModeratedCase::getReference).toList();
    }

    private static String name(String inspection, String reference) {
        return inspection + "/cases/" + reference + "/judgements";
    }

    private static CaseJudgements draft(CallCredentials as, String inspection, String reference, String etag) {
        return judging(as).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder().setJudgements(SyntheticJudgements.forCase(
                name(inspection, reference), kent, byReference.get(reference), SyntheticJudgements::hashed).setEtag(etag)).build()).getJudgements();
    }

    private static CaseJudgements submit(CallCredentials as, String inspection, String reference) {
        return submit(as, inspection, reference, read(as, inspection, reference).getEtag());
    }

    private static CaseJudgements submit(CallCredentials as, String inspection, String reference, String etag) {
        return judging(as).submitCaseJudgements(SubmitCaseJudgementsRequest.newBuilder().setName(name(inspection, reference)).setEtag(etag)
                .build()).getJudgements();
    }

    private static CaseJudgements read(CallCredentials as, String inspection, String reference) {
        return judging(as).getCaseJudgements(GetCaseJudgementsRequest.newBuilder().setName(name(inspection, reference)).build()).getJudgements();
    }

    private static ModerateCaseResponse moderate(CallCredentials as, String inspection, String reference, String etag, ModerationOutcome outcome,
                                                 String reason) {
        return fieldwork(as).moderateCase(ModerateCaseRequest.newBuilder().setName(name(inspection, reference)).setEtag(etag)
                .setOutcome(outcome).setReason(reason).setRequestId(UUID.randomUUID().toString()).build());
    }

    private static int tallies(String inspection) {
        return judging(tester()).getJudgementTallies(GetJudgementTalliesRequest.newBuilder().setInspection(inspection).build()).getSubmittedCases();
    }

    private static Status status(Executable call) {
        return assertThrows(StatusRuntimeException.class, call).getStatus();
    }

    private static PreconditionFailure.Violation violation(StatusRuntimeException refused) {
        return ProcessTestSupport.violations(refused).get(0);
    }

    private static InspectionStages stages() {
        return new InspectionStages(cases, tester());
    }

    private static CallCredentials tester() {
        return ProcessTestSupport.tester();
    }

    private static CallCredentials user(String subject) {
        return ProcessTestSupport.signIns().user(subject);
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
