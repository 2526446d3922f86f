package yardstick.cases.app;

import java.util.List;
import yardstick.cases.domain.CategoryDraw;
import yardstick.cases.domain.MarginBalance;
import yardstick.cases.domain.SampledCase;

/** A category's sample as it stands, with each classification's quota and achieved count. */
public record CategorySample(CategoryDraw draw, List<SampledCase> cases, List<MarginBalance> balance) {
}
