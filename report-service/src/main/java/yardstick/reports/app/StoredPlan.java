package yardstick.reports.app;

import java.time.LocalDate;
import yardstick.reports.plans.ImprovementPlan;
import yardstick.reports.plans.PlanOnFile;

/** A plan as kept, with its rules' model. */
public record StoredPlan(ImprovementPlan plan, PlanOnFile row) {

    /** The plan as the contract gives it, its progress judged on {@code today}. */
    public yardstick.reports.v1.ImprovementPlan message(LocalDate today) {
        return PlanMessages.message(plan, row, today);
    }

    static StoredPlan of(PlanOnFile row) {
        return new StoredPlan(PlanMessages.plan(row.body()), row);
    }
}
