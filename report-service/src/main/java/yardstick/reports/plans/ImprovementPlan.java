package yardstick.reports.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An inspected service's improvement plan in answer to one published report: the report's
 * recommendations, and the objectives with their actions that answer them. Every change goes
 * through a rule here that answers a {@link Decision}: the changed plan with its history in
 * words, or the reasons it is refused.
 */
public record ImprovementPlan(String publication, String serviceInspected, String title, String oversight, PlanState state,
                              List<Recommendation> recommendations, List<Objective> objectives) {

    public ImprovementPlan {
        recommendations = List.copyOf(recommendations);
        objectives = List.copyOf(objectives);
    }

    /** A draft plan; its actions are numbered 1, 2, ... in the plan's order, each starting not started. */
    public static ImprovementPlan draft(String publication, String serviceInspected, String title, String oversight,
                                        List<Recommendation> recommendations, List<ObjectiveContent> objectives) {
        List<Objective> numbered = new ArrayList<>();
        int id = 1;
        for (ObjectiveContent objective : objectives) {
            List<PlanAction> actions = new ArrayList<>();
            for (ActionContent action : objective.actions()) {
                actions.add(PlanAction.fresh(id++, action));
            }
            numbered.add(new Objective(numbered.size() + 1, objective.title(), objective.outcomes(), actions));
        }
        return new ImprovementPlan(publication, serviceInspected, title, oversight, PlanState.DRAFT, recommendations, numbered);
    }

    /** An objective as the service writes it, before its actions are numbered. */
    public record ObjectiveContent(String title, List<String> outcomes, List<ActionContent> actions) {
    }

    public Set<Integer> recommendationNumbers() {
        return recommendations.stream().map(Recommendation::number).collect(Collectors.toUnmodifiableSet());
    }

    /** Every action, objective by objective, in the plan's order. */
    public List<PlanAction> actions() {
        return objectives.stream().flatMap(o -> o.actions().stream()).toList();
    }

    public Optional<PlanAction> action(int id) {
        return actions().stream().filter(a -> a.id() == id).findFirst();
    }

    public Optional<Objective> objective(int number) {
        return objectives.stream().filter(o -> o.number() == number).findFirst();
    }

    /** The report's recommendations that no action (other than a dropped one) answers yet, in the report's order. */
    public List<Integer> unansweredRecommendations() {
        List<PlanAction> actions = actions();
        return recommendations.stream().map(Recommendation::number)
                .filter(n -> actions.stream().noneMatch(a -> a.answers(n))).toList();
    }

    /** Submitting: refused, naming each one, while any recommendation is unanswered. */
    public Decision submit() {
        if (state == PlanState.SUBMITTED) {
            return Decision.refused("SUBMITTED", "", "the plan is already submitted");
        }
        List<Integer> unanswered = unansweredRecommendations();
        if (!unanswered.isEmpty()) {
            return new Decision.Refused(unanswered.stream().map(n -> new Refusal("UNANSWERED_RECOMMENDATION", "recommendations/" + n,
                    "recommendation " + n + " is answered by no action: add one that answers it before submitting")).toList());
        }
        return Decision.accepted(withState(PlanState.SUBMITTED), new Change("", "submitted"));
    }

    public Decision addObjective(ObjectiveContent content) {
        int number = objectives.size() + 1;
        int id = nextActionId();
        List<PlanAction> actions = new ArrayList<>();
        for (ActionContent action : content.actions()) {
            actions.add(PlanAction.fresh(id++, action));
        }
        List<Objective> all = new ArrayList<>(objectives);
        all.add(new Objective(number, content.title(), content.outcomes(), actions));
        return Decision.accepted(withObjectives(all), new Change("objectives/" + number,
                "objective " + number + " added with " + actions.size() + (actions.size() == 1 ? " action" : " actions")));
    }

    public Decision addAction(int objective, ActionContent content) {
        if (objective(objective).isEmpty()) {
            return Decision.refused("OBJECTIVE", "objectives/" + objective, "the plan has no objective " + objective);
        }
        PlanAction added = PlanAction.fresh(nextActionId(), content);
        List<Objective> all = objectives.stream().map(o -> o.number() != objective ? o : new Objective(o.number(), o.title(), o.outcomes(),
                concat(o.actions(), added))).toList();
        return Decision.accepted(withObjectives(all), new Change("actions/" + added.id(),
                added.label() + " added to objective " + objective + ", owned by " + content.ownerRole()));
    }

    /** Replaces what the service wrote of an action; the history says which parts changed, never a display name's value. */
    public Decision updateAction(int id, ActionContent content) {
        PlanAction action = action(id).orElseThrow();
        ActionContent before = action.content();
        List<Change> changes = new ArrayList<>();
        String subject = "actions/" + id;
        note(changes, subject, "reference", before.reference(), content.reference());
        note(changes, subject, "text", before.text(), content.text());
        note(changes, subject, "recommendations", before.recommendations().toString(), content.recommendations().toString());
        note(changes, subject, "owner role", before.ownerRole(), content.ownerRole());
        note(changes, subject, "start date", before.start().map(PlanDate::label).orElse("none"), content.start().map(PlanDate::label).orElse("none"));
        note(changes, subject, "due date", before.due().map(PlanDate::label).orElse("none"), content.due().map(PlanDate::label).orElse("none"));
        if (!before.ownerDisplayName().equals(content.ownerDisplayName())) {
            changes.add(new Change(subject, content.ownerDisplayName().isEmpty() ? "display name erased"
                    : before.ownerDisplayName().isEmpty() ? "display name set" : "display name changed"));
        }
        if (changes.isEmpty()) {
            return new Decision.Accepted(this, List.of());
        }
        return new Decision.Accepted(replacing(id, a -> a.with(content)), changes);
    }

    public Decision changeStatus(int id, ActionStatus to, String reason) {
        PlanAction action = action(id).orElseThrow();
        Optional<String> refusal = StatusMoves.refusal(action, to, reason);
        if (refusal.isPresent()) {
            return Decision.refused("STATUS", "actions/" + id, refusal.get());
        }
        String description = "status: " + action.status().label() + " -> " + to.label()
                + (to == ActionStatus.DROPPED ? " (reason: " + reason + ")" : "");
        return Decision.accepted(replacing(id, a -> a.moved(to, reason)), new Change("actions/" + id, description));
    }

    public Decision addEvidence(int id, Evidence evidence) {
        return Decision.accepted(replacing(id, a -> a.withEvidence(evidence)),
                new Change("actions/" + id, "evidence of " + evidence.date().label() + " added: " + evidence.note()));
    }

    /** Erases the display name beside an action's owner role; the history keeps only that it was erased. */
    public Decision eraseDisplayName(int id) {
        PlanAction action = action(id).orElseThrow();
        if (action.content().ownerDisplayName().isEmpty()) {
            return new Decision.Accepted(this, List.of());
        }
        return Decision.accepted(replacing(id, a -> a.with(a.content().withoutDisplayName())),
                new Change("actions/" + id, "display name erased"));
    }

    private int nextActionId() {
        return actions().stream().mapToInt(PlanAction::id).max().orElse(0) + 1;
    }

    private ImprovementPlan replacing(int id, UnaryOperator<PlanAction> change) {
        return withObjectives(objectives.stream().map(o -> new Objective(o.number(), o.title(), o.outcomes(),
                o.actions().stream().map(a -> a.id() == id ? change.apply(a) : a).toList())).toList());
    }

    private ImprovementPlan withObjectives(List<Objective> changed) {
        return new ImprovementPlan(publication, serviceInspected, title, oversight, state, recommendations, changed);
    }

    private ImprovementPlan withState(PlanState changed) {
        return new ImprovementPlan(publication, serviceInspected, title, oversight, changed, recommendations, objectives);
    }

    private static void note(List<Change> changes, String subject, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(subject, field + ": " + before + " -> " + after));
        }
    }

    private static <T> List<T> concat(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }
}
