package yardstick.reports.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * Progress of a set of actions on a day: how many of those that count (dropped ones do not) are
 * complete, and how many are overdue. Computed from the actions, never stored.
 */
public record Progress(int complete, int total, int overdue, int dropped) {

    public static Progress of(List<PlanAction> actions, LocalDate today) {
        int complete = 0;
        int total = 0;
        int overdue = 0;
        int dropped = 0;
        for (PlanAction action : actions) {
            if (action.status() == ActionStatus.DROPPED) {
                dropped++;
                continue;
            }
            total++;
            if (action.status() == ActionStatus.COMPLETE) {
                complete++;
            }
            if (action.overdueOn(today)) {
                overdue++;
            }
        }
        return new Progress(complete, total, overdue, dropped);
    }

    /** The progress of the actions that answer one recommendation (dropped ones counted as dropped). */
    public static Progress ofRecommendation(ImprovementPlan plan, int recommendation, LocalDate today) {
        return of(plan.actions().stream().filter(a -> a.content().recommendations().contains(recommendation)).toList(), today);
    }

    public static Progress ofObjective(Objective objective, LocalDate today) {
        return of(objective.actions(), today);
    }

    /** "3 of 16 actions complete, 1 overdue". */
    public String sentence() {
        StringBuilder words = new StringBuilder().append(complete).append(" of ").append(total)
                .append(total == 1 ? " action" : " actions").append(" complete");
        words.append(", ").append(overdue).append(" overdue");
        if (dropped > 0) {
            words.append(", ").append(dropped).append(" dropped");
        }
        return words.toString();
    }
}
