package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import com.google.type.Date;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import yardstick.platform.identity.Role;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.MutableClock;
import yardstick.platform.testing.TestIdentity;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.Action;
import yardstick.reports.v1.ActionStatus;
import yardstick.reports.v1.AddEvidenceRequest;
import yardstick.reports.v1.ChangeActionStatusRequest;
import yardstick.reports.v1.CreateActionRequest;
import yardstick.reports.v1.CreatePlanRequest;
import yardstick.reports.v1.EraseOwnerDisplayNameRequest;
import yardstick.reports.v1.Evidence;
import yardstick.reports.v1.GetPlanRequest;
import yardstick.reports.v1.ImprovementPlan;
import yardstick.reports.v1.ImprovementPlanServiceGrpc;
import yardstick.reports.v1.ListPlanEventsRequest;
import yardstick.reports.v1.Objective;
import yardstick.reports.v1.PlanEvent;
import yardstick.reports.v1.PlanState;
import yardstick.reports.v1.RenderPlanRequest;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.SubmitPlanRequest;
import yardstick.reports.v1.UpdateActionRequest;

@MicronautTest(transactional = false)
class ImprovementPlanServiceTest extends GrpcServiceTest {

    private static final String ACTOR = "YJ Service Manager";
    /** How the history names the tester's changes: the inspected-service role of their token and the service it speaks for. */
    private static final String TESTER_ROLE = "inspected service (A Youth Justice Service)";

    private final MutableClock clock = new MutableClock(Instant.parse("2022-03-10T12:00:00Z"));

    @Inject
    ReportStore reports;

    @Inject
    PublicationStore publications;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private ImprovementPlanServiceGrpc.ImprovementPlanServiceBlockingStub plans() {
        return ImprovementPlanServiceGrpc.newBlockingStub(channel);
    }

    private static Action action(String reference, Integer... answers) {
        return Action.newBuilder().setReference(reference).setText("Do " + reference).addAllRecommendations(List.of(answers))
                .setOwnerRole("Assistant Director, Adolescent and Open Access")
                .setStartDate(Date.newBuilder().setYear(2021).setMonth(10)).build();
    }

    private CreatePlanRequest.Builder create(String publication, Action... actions) {
        return CreatePlanRequest.newBuilder().setParent(publication).setRequestId(UUID.randomUUID().toString()).setActor(ACTOR)
                .setPlan(ImprovementPlan.newBuilder().setTitle("Improvement plan")
                        .addObjectives(Objective.newBuilder().setTitle("Better oversight").addOutcomes("Consistent oversight")
                                .addAllActions(List.of(actions))));
    }

    private String publication(int recommendations) {
        return PublishedReports.publish(reports, publications, "A Youth Justice Service", PublishedReports.numbered(recommendations),
                Optional.empty());
    }

    private ImprovementPlan get(String name) {
        return plans().getPlan(GetPlanRequest.newBuilder().setName(name).build()).getPlan();
    }

    private static PreconditionFailure preconditionFailure(StatusRuntimeException e) throws Exception {
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode(), e.getMessage());
        return StatusProto.fromThrowable(e).getDetails(0).unpack(PreconditionFailure.class);
    }

    private static List<String> badFields(StatusRuntimeException e) throws Exception {
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getMessage());
        return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getField).toList();
    }

    @Test
    void submittingWithAnUnansweredRecommendationIsRefusedAndNamesIt() throws Exception {
        ImprovementPlan plan = plans().createPlan(create(publication(3), action("1.1", 1), action("1.2", 2)).build()).getPlan();
        assertEquals(List.of(3), plan.getUnansweredRecommendationsList());

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> plans().submitPlan(
                SubmitPlanRequest.newBuilder().setName(plan.getName()).setEtag(plan.getEtag()).setActor(ACTOR).build()));
        PreconditionFailure failure = preconditionFailure(refused);
        assertEquals(1, failure.getViolationsCount());
        assertEquals("UNANSWERED_RECOMMENDATION", failure.getViolations(0).getType());
        assertEquals(plan.getName() + "/recommendations/3", failure.getViolations(0).getSubject());
        assertEquals(PlanState.PLAN_STATE_DRAFT, get(plan.getName()).getState());

        Action answering = plans().createAction(CreateActionRequest.newBuilder().setParent(plan.getName() + "/objectives/1")
                .setAction(action("1.3", 3)).setRequestId(UUID.randomUUID().toString()).setActor(ACTOR).build()).getAction();
        assertEquals(plan.getName() + "/actions/3", answering.getName());
        ImprovementPlan answered = get(plan.getName());
        ImprovementPlan submitted = plans().submitPlan(SubmitPlanRequest.newBuilder().setName(plan.getName())
                .setEtag(answered.getEtag()).setActor(ACTOR).build()).getPlan();
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, submitted.getState());
        assertTrue(submitted.hasSubmitTime());
    }

    @Test
    void overdueIsJudgedAgainstTheClockAndNeverStored() {
        Action due = action("1.1", 1).toBuilder().setDueDate(Date.newBuilder().setYear(2022).setMonth(3).setDay(10)).build();
        ImprovementPlan plan = plans().createPlan(create(publication(1), due).build()).getPlan();
        clock.set(Instant.parse("2022-03-10T23:30:00Z"));
        assertFalse(get(plan.getName()).getObjectives(0).getActions(0).getOverdue(), "due today is not overdue");

        clock.set(Instant.parse("2022-03-11T09:00:00Z"));
        ImprovementPlan later = get(plan.getName());
        assertTrue(later.getObjectives(0).getActions(0).getOverdue());
        assertEquals(1, later.getObjectives(0).getProgress().getOverdue());
        assertEquals(1, later.getRecommendationProgress(0).getProgress().getOverdue());
        assertEquals(Date.newBuilder().setYear(2022).setMonth(3).setDay(11).build(), later.getProgressDate());
        assertEquals(plan.getEtag(), later.getEtag(), "judging overdue changes nothing stored");
        String html = plans().renderPlan(RenderPlanRequest.newBuilder().setName(plan.getName())
                .setFormat(ReportFormat.REPORT_FORMAT_HTML).build()).getContent().toStringUtf8();
        assertTrue(html.contains("not started, overdue"), html);
    }

    @Test
    void completeNeedsEvidenceAndDroppedNeedsAReason() throws Exception {
        ImprovementPlan plan = plans().createPlan(create(publication(1), action("1.1", 1)).build()).getPlan();
        String action = plan.getObjectives(0).getActions(0).getName();
        PreconditionFailure noEvidence = preconditionFailure(assertThrows(StatusRuntimeException.class, () -> plans().changeActionStatus(
                ChangeActionStatusRequest.newBuilder().setName(action).setStatus(ActionStatus.ACTION_STATUS_COMPLETE)
                        .setEtag(plan.getEtag()).setActor(ACTOR).build())));
        assertEquals("STATUS", noEvidence.getViolations(0).getType());
        assertTrue(noEvidence.getViolations(0).getDescription().contains("without evidence"));
        PreconditionFailure noReason = preconditionFailure(assertThrows(StatusRuntimeException.class, () -> plans().changeActionStatus(
                ChangeActionStatusRequest.newBuilder().setName(action).setStatus(ActionStatus.ACTION_STATUS_DROPPED)
                        .setEtag(plan.getEtag()).setActor(ACTOR).build())));
        assertTrue(noReason.getViolations(0).getDescription().contains("without a reason"));

        ImprovementPlan evidenced = plans().addEvidence(AddEvidenceRequest.newBuilder().setName(action).setEtag(plan.getEtag()).setActor(ACTOR)
                .setEvidence(Evidence.newBuilder().setDate(Date.newBuilder().setYear(2022).setMonth(2).setDay(1))
                        .setNote("Audit of 20 cases: oversight recorded in 18")).build()).getPlan();
        ImprovementPlan complete = plans().changeActionStatus(ChangeActionStatusRequest.newBuilder().setName(action)
                .setStatus(ActionStatus.ACTION_STATUS_COMPLETE).setEtag(evidenced.getEtag()).setActor(ACTOR).build()).getPlan();
        assertEquals(ActionStatus.ACTION_STATUS_COMPLETE, complete.getObjectives(0).getActions(0).getStatus());
        assertEquals(1, complete.getObjectives(0).getProgress().getComplete());
        assertEquals(1, complete.getRecommendationProgress(0).getProgress().getComplete());
    }

    @Test
    void aStaleEtagIsRefused() throws Exception {
        ImprovementPlan plan = plans().createPlan(create(publication(1), action("1.1", 1)).build()).getPlan();
        String action = plan.getObjectives(0).getActions(0).getName();
        ChangeActionStatusRequest start = ChangeActionStatusRequest.newBuilder().setName(action)
                .setStatus(ActionStatus.ACTION_STATUS_IN_PROGRESS).setEtag(plan.getEtag()).setActor(ACTOR).build();
        ImprovementPlan started = plans().changeActionStatus(start).getPlan();
        assertNotEquals(plan.getEtag(), started.getEtag());
        PreconditionFailure stale = preconditionFailure(assertThrows(StatusRuntimeException.class, () -> plans().updateAction(
                UpdateActionRequest.newBuilder().setAction(started.getObjectives(0).getActions(0).toBuilder().setText("Changed"))
                        .setEtag(plan.getEtag()).setActor(ACTOR).build())));
        assertEquals("ETAG", stale.getViolations(0).getType());
        assertEquals("Do 1.1", get(plan.getName()).getObjectives(0).getActions(0).getText());
    }

    @Test
    void ofTwoConcurrentChangesFromTheSameReadingOnlyOneIsKept() throws Exception {
        ImprovementPlan plan = plans().createPlan(create(publication(1), action("1.1", 1)).build()).getPlan();
        String action = plan.getObjectives(0).getActions(0).getName();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Status.Code>> outcomes = new java.util.ArrayList<>();
            for (String note : List.of("First audit", "Second audit")) {
                outcomes.add(pool.submit(() -> {
                    try {
                        plans().addEvidence(AddEvidenceRequest.newBuilder().setName(action).setEtag(plan.getEtag()).setActor(ACTOR)
                                .setEvidence(Evidence.newBuilder().setDate(Date.newBuilder().setYear(2022).setMonth(2)).setNote(note)).build());
                        return Status.Code.OK;
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode();
                    }
                }));
            }
            List<Status.Code> codes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Status.Code> outcome : outcomes) {
                codes.add(outcome.get());
            }
            codes.sort(null);
            assertEquals(List.of(Status.Code.OK, Status.Code.FAILED_PRECONDITION), codes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, get(plan.getName()).getObjectives(0).getActions(0).getEvidenceCount());
    }

    @Test
    void aRetryWithTheSameRequestIdGetsTheFirstAnswer() throws Exception {
        String publication = publication(2);
        CreatePlanRequest request = create(publication, action("1.1", 1, 2)).build();
        ImprovementPlan first = plans().createPlan(request).getPlan();
        assertEquals(first, plans().createPlan(request).getPlan());
        assertEquals(List.of("request_id"), badFields(assertThrows(StatusRuntimeException.class, () -> plans().createPlan(
                request.toBuilder().setPlan(request.getPlan().toBuilder().setTitle("Another")).build()))));
        StatusRuntimeException second = assertThrows(StatusRuntimeException.class,
                () -> plans().createPlan(create(publication, action("1.1", 1, 2)).build()));
        assertEquals(Status.Code.ALREADY_EXISTS, second.getStatus().getCode());

        CreateActionRequest add = CreateActionRequest.newBuilder().setParent(first.getName() + "/objectives/1")
                .setAction(action("1.2", 2)).setRequestId(UUID.randomUUID().toString()).setActor(ACTOR).build();
        assertEquals(plans().createAction(add).getAction(), plans().createAction(add).getAction());
        assertEquals(2, get(first.getName()).getObjectives(0).getActionsCount());
    }

    @Test
    void badInputIsRefusedNamingEachField() throws Exception {
        Action bad = Action.newBuilder().setText(" ").addRecommendations(9).setOwnerDisplayName("Pat Example")
                .setDueDate(Date.newBuilder().setYear(2022).setMonth(13)).build();
        CreatePlanRequest request = create(publication(2), action("1.1", 1), bad).build();
        assertEquals(List.of("plan.objectives[0].actions[1].due_date", "plan.objectives[0].actions[1].text",
                        "plan.objectives[0].actions[1].recommendations[0]", "plan.objectives[0].actions[1].owner_role",
                        "plan.objectives[0].actions[1].owner_display_name"),
                badFields(assertThrows(StatusRuntimeException.class, () -> plans().createPlan(request))));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> plans().createPlan(
                create("publications/" + UUID.randomUUID(), action("1.1", 1)).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
    }

    @Test
    void anErasedDisplayNameLeavesNoTraceInThePlanItsHistoryOrItsRenditions() {
        ImprovementPlan plan = plans().createPlan(create(publication(1), action("1.1", 1)).build()).getPlan();
        Action named = plan.getObjectives(0).getActions(0).toBuilder().setOwnerDisplayName("Pat Example").build();
        ImprovementPlan withName = plans().updateAction(UpdateActionRequest.newBuilder().setAction(named).setEtag(plan.getEtag())
                .setActor(ACTOR).build()).getPlan();
        assertEquals("Pat Example", withName.getObjectives(0).getActions(0).getOwnerDisplayName());
        for (ReportFormat format : List.of(ReportFormat.REPORT_FORMAT_HTML, ReportFormat.REPORT_FORMAT_MARKDOWN, ReportFormat.REPORT_FORMAT_JSON)) {
            String rendered = plans().renderPlan(RenderPlanRequest.newBuilder().setName(plan.getName()).setFormat(format).build())
                    .getContent().toStringUtf8();
            assertFalse(rendered.contains("Pat Example"), format + " shows roles only");
            assertTrue(rendered.contains("Assistant Director, Adolescent and Open Access"), format.name());
        }

        ImprovementPlan erased = ImprovementPlanServiceGrpc.newBlockingStub(signedIn(TestIdentity.token("administrator-1", Role.ADMINISTRATOR)))
                .eraseOwnerDisplayName(EraseOwnerDisplayNameRequest.newBuilder().setName(named.getName())
                        .setActor("Information Governance Officer").build()).getPlan();
        assertEquals("", erased.getObjectives(0).getActions(0).getOwnerDisplayName());
        assertEquals("", get(plan.getName()).getObjectives(0).getActions(0).getOwnerDisplayName());
        List<PlanEvent> history = plans().listPlanEvents(ListPlanEventsRequest.newBuilder().setParent(plan.getName()).build()).getEventsList();
        assertTrue(history.stream().noneMatch(e -> e.toString().contains("Pat Example")), history.toString());
        assertEquals(List.of("plan created with 1 objectives and 1 actions", "display name set", "display name erased"),
                history.stream().map(PlanEvent::getDescription).toList());
        assertEquals("administrator", history.get(2).getActor(), "the role of the token, not the name the request gave");
        assertEquals(named.getName(), history.get(2).getSubject());
    }

    @Test
    void theHistoryIsATimelineOfWhoChangedWhatAndWhen() {
        ImprovementPlan plan = plans().createPlan(create(publication(1), action("1.1", 1)).build()).getPlan();
        String action = plan.getObjectives(0).getActions(0).getName();
        clock.set(Instant.parse("2022-03-12T10:00:00Z"));
        ImprovementPlan started = plans().changeActionStatus(ChangeActionStatusRequest.newBuilder().setName(action)
                .setStatus(ActionStatus.ACTION_STATUS_IN_PROGRESS).setEtag(plan.getEtag()).setActor("Team Manager, North").build()).getPlan();
        plans().submitPlan(SubmitPlanRequest.newBuilder().setName(plan.getName()).setEtag(started.getEtag()).setActor(ACTOR).build());

        List<PlanEvent> history = plans().listPlanEvents(ListPlanEventsRequest.newBuilder().setParent(plan.getName()).setPageSize(2).build())
                .getEventsList();
        assertEquals(2, history.size());
        assertEquals(TESTER_ROLE, history.get(0).getActor(), "the role of the token, not the role the request named");
        assertEquals(TESTER_ROLE, history.get(1).getActor());
        assertEquals(action, history.get(1).getSubject());
        assertEquals("status: not started -> in progress", history.get(1).getDescription());
        assertEquals(Instant.parse("2022-03-12T10:00:00Z").getEpochSecond(), history.get(1).getEventTime().getSeconds());
        String token = plans().listPlanEvents(ListPlanEventsRequest.newBuilder().setParent(plan.getName()).setPageSize(2).build())
                .getNextPageToken();
        List<PlanEvent> rest = plans().listPlanEvents(ListPlanEventsRequest.newBuilder().setParent(plan.getName()).setPageSize(2)
                .setPageToken(token).build()).getEventsList();
        assertEquals(List.of("submitted"), rest.stream().map(PlanEvent::getDescription).toList());
        assertEquals(plan.getName() + "/events/3", rest.get(0).getName());
    }
}
