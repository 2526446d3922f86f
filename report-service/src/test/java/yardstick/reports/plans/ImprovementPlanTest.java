package yardstick.reports.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImprovementPlanTest {

    private static final List<Recommendation> RECOMMENDATIONS = List.of(
            new Recommendation(1, "the service", "practitioners have the time, knowledge and skills"),
            new Recommendation(2, "the service", "assessment and planning are thorough"),
            new Recommendation(3, "the service", "oversight is applied consistently"));

    private static ActionContent action(String reference, List<Integer> answers, Optional<PlanDate> due) {
        return new ActionContent(reference, "Do " + reference, answers, "YJ Service Manager", "", Optional.of(PlanDate.month(2021, 10)), due);
    }

    private static ImprovementPlan plan(ActionContent... actions) {
        return ImprovementPlan.draft("publications/p", "A Youth Justice Service", "Improvement plan", "",
                RECOMMENDATIONS, List.of(new ImprovementPlan.ObjectiveContent("Objective", List.of("An outcome"), List.of(actions))));
    }

    private static ImprovementPlan accepted(Decision decision) {
        return assertInstanceOf(Decision.Accepted.class, decision).plan();
    }

    @Test
    void submittingWithAnUnansweredRecommendationIsRefusedAndNamesIt() {
        ImprovementPlan plan = plan(action("1.1", List.of(1, 3), Optional.empty()));
        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, plan.submit());
        assertEquals(List.of(new Refusal("UNANSWERED_RECOMMENDATION", "recommendations/2",
                "recommendation 2 is answered by no action: add one that answers it before submitting")), refused.refusals());
        assertEquals(List.of(2), plan.unansweredRecommendations());
    }

    @Test
    void aPlanAnsweringEveryRecommendationIsSubmittedOnce() {
        ImprovementPlan submitted = accepted(plan(action("1.1", List.of(1, 2, 3), Optional.empty())).submit());
        assertEquals(PlanState.SUBMITTED, submitted.state());
        Decision.Refused again = assertInstanceOf(Decision.Refused.class, submitted.submit());
        assertEquals("SUBMITTED", again.refusals().get(0).type());
    }

    @Test
    void aDroppedActionAnswersNothing() {
        ImprovementPlan plan = plan(action("1.1", List.of(1, 2), Optional.empty()), action("1.2", List.of(3), Optional.empty()));
        ImprovementPlan dropped = accepted(plan.changeStatus(2, ActionStatus.DROPPED, "superseded by 1.1"));
        assertEquals(List.of(3), dropped.unansweredRecommendations());
        assertEquals("superseded by 1.1", dropped.action(2).orElseThrow().droppedReason());
    }

    @Test
    void anActionIsOverdueOnlyAfterItsDueDayAndOnlyWhileUnfinished() {
        PlanAction due = PlanAction.fresh(1, action("1.1", List.of(1), Optional.of(new PlanDate(2021, 12, 15))));
        assertFalse(due.overdueOn(LocalDate.of(2021, 12, 15)));
        assertTrue(due.overdueOn(LocalDate.of(2021, 12, 16)));
        PlanAction complete = new PlanAction(1, due.content(), ActionStatus.COMPLETE, "",
                List.of(new Evidence(new PlanDate(2021, 12, 1), "audit")));
        assertFalse(complete.overdueOn(LocalDate.of(2022, 6, 1)));
        PlanAction dropped = new PlanAction(1, due.content(), ActionStatus.DROPPED, "no longer needed", List.of());
        assertFalse(dropped.overdueOn(LocalDate.of(2022, 6, 1)));
    }

    @Test
    void aMonthOnlyDueDateFallsDueAtTheEndOfTheMonth() {
        PlanAction due = PlanAction.fresh(1, action("1.1", List.of(1), Optional.of(PlanDate.month(2021, 12))));
        assertFalse(due.overdueOn(LocalDate.of(2021, 12, 31)));
        assertTrue(due.overdueOn(LocalDate.of(2022, 1, 1)));
    }

    @Test
    void anActionWithoutADueDateIsNeverOverdue() {
        assertFalse(PlanAction.fresh(1, action("1.1", List.of(1), Optional.empty())).overdueOn(LocalDate.of(2099, 1, 1)));
    }

    @Test
    void completeNeedsEvidence() {
        ImprovementPlan plan = plan(action("1.1", List.of(1, 2, 3), Optional.empty()));
        ImprovementPlan started = accepted(plan.changeStatus(1, ActionStatus.IN_PROGRESS, ""));
        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, started.changeStatus(1, ActionStatus.COMPLETE, ""));
        assertEquals("action 1.1 cannot be complete without evidence: add evidence first", refused.refusals().get(0).description());
        ImprovementPlan evidenced = accepted(started.addEvidence(1, new Evidence(new PlanDate(2022, 1, 10), "Audit of 20 cases")));
        assertEquals(ActionStatus.COMPLETE, accepted(evidenced.changeStatus(1, ActionStatus.COMPLETE, "")).action(1).orElseThrow().status());
    }

    @Test
    void droppedNeedsAReasonAndAMoveToTheSameStatusOrBackwardsIsRefused() {
        ImprovementPlan plan = plan(action("1.1", List.of(1, 2, 3), Optional.empty()));
        assertInstanceOf(Decision.Refused.class, plan.changeStatus(1, ActionStatus.DROPPED, " "));
        assertInstanceOf(Decision.Refused.class, plan.changeStatus(1, ActionStatus.NOT_STARTED, ""));
        ImprovementPlan started = accepted(plan.changeStatus(1, ActionStatus.IN_PROGRESS, ""));
        Decision.Refused back = assertInstanceOf(Decision.Refused.class, started.changeStatus(1, ActionStatus.NOT_STARTED, ""));
        assertEquals("action 1.1 cannot move from in progress to not started; from in progress it may move to complete or dropped",
                back.refusals().get(0).description());
    }

    @Test
    void progressCountsCompleteAndOverdueActionsPerRecommendationAndObjective() {
        LocalDate today = LocalDate.of(2022, 2, 1);
        ImprovementPlan plan = plan(action("1.1", List.of(1, 2), Optional.of(PlanDate.month(2021, 12))),
                action("1.2", List.of(2), Optional.of(PlanDate.month(2022, 3))),
                action("1.3", List.of(3), Optional.of(PlanDate.month(2021, 11))));
        plan = accepted(plan.addEvidence(2, new Evidence(new PlanDate(2022, 1, 5), "Done")));
        plan = accepted(plan.changeStatus(2, ActionStatus.COMPLETE, ""));
        plan = accepted(plan.changeStatus(3, ActionStatus.DROPPED, "merged into 1.1"));
        assertEquals(new Progress(0, 1, 1, 0), Progress.ofRecommendation(plan, 1, today));
        assertEquals(new Progress(1, 2, 1, 0), Progress.ofRecommendation(plan, 2, today));
        assertEquals(new Progress(0, 0, 0, 1), Progress.ofRecommendation(plan, 3, today));
        assertEquals(new Progress(1, 2, 1, 1), Progress.ofObjective(plan.objectives().get(0), today));
        assertEquals("1 of 2 actions complete, 1 overdue, 1 dropped", Progress.ofObjective(plan.objectives().get(0), today).sentence());
    }

    @Test
    void erasingADisplayNameLeavesNoCopyInTheHistory() {
        ImprovementPlan plan = plan(action("1.1", List.of(1, 2, 3), Optional.empty()));
        ActionContent named = new ActionContent("1.1", "Do 1.1", List.of(1, 2, 3), "YJ Service Manager", "Pat Example",
                Optional.of(PlanDate.month(2021, 10)), Optional.empty());
        Decision.Accepted set = assertInstanceOf(Decision.Accepted.class, plan.updateAction(1, named));
        assertEquals(List.of(new Change("actions/1", "display name set")), set.changes());
        Decision.Accepted erased = assertInstanceOf(Decision.Accepted.class, set.plan().eraseDisplayName(1));
        assertEquals(List.of(new Change("actions/1", "display name erased")), erased.changes());
        assertEquals("", erased.plan().action(1).orElseThrow().content().ownerDisplayName());
        assertEquals("YJ Service Manager", erased.plan().action(1).orElseThrow().content().ownerRole());
    }

    @Test
    void anActionMustAnswerRecommendationsTheReportMakesAndNameARole() {
        ActionContent bad = new ActionContent("1.1", "", List.of(7, 7), " ", "", Optional.of(PlanDate.month(2022, 1)),
                Optional.of(PlanDate.month(2021, 12)));
        assertEquals(List.of("text", "recommendations[0]", "recommendations[1]", "owner_role", "due_date"),
                bad.problems(Set.of(1, 2, 3)).stream().map(Problem::field).toList());
    }

    @Test
    void actionsAddedLaterAreNumberedAfterTheLast() {
        ImprovementPlan plan = plan(action("1.1", List.of(1), Optional.empty()));
        plan = accepted(plan.addObjective(new ImprovementPlan.ObjectiveContent("Second", List.of(), List.of(action("2.1", List.of(2), Optional.empty())))));
        plan = accepted(plan.addAction(1, action("1.2", List.of(3), Optional.empty())));
        assertEquals(List.of("1.1", "1.2", "2.1"), plan.actions().stream().map(a -> a.content().reference()).toList());
        assertEquals(List.of(1, 3, 2), plan.actions().stream().map(PlanAction::id).toList());
        assertTrue(plan.unansweredRecommendations().isEmpty());
    }
}
