package yardstick.cases.app;

import java.util.List;
import yardstick.cases.domain.Inspection;

/** An inspection's sample as it stands, category by category. */
public record InspectionSample(Inspection inspection, List<CategorySample> categories) {
}
