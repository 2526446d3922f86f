package yardstick.reports.plans;

import java.util.List;
import java.util.TreeSet;

/** A strategic objective: the outcomes it aims at and, in order, the actions that get there. */
public record Objective(int number, String title, List<String> outcomes, List<PlanAction> actions) {

    public Objective {
        outcomes = List.copyOf(outcomes);
        actions = List.copyOf(actions);
    }

    /** The recommendations its actions answer, in number order. */
    public List<Integer> recommendations() {
        TreeSet<Integer> numbers = new TreeSet<>();
        actions.forEach(a -> numbers.addAll(a.content().recommendations()));
        return List.copyOf(numbers);
    }
}
