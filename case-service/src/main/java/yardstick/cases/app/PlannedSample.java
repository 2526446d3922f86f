package yardstick.cases.app;

import java.util.List;
import yardstick.cases.domain.CategoryPlan;
import yardstick.cases.domain.Inspection;

/** An inspection's sample plan, category by category. */
public record PlannedSample(Inspection inspection, List<CategoryPlan> categories) {
}
