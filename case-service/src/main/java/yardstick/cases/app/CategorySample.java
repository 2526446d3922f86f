package yardstick.cases.app;

import java.util.List;
import yardstick.cases.domain.CategoryDraw;
import yardstick.cases.domain.LoosenedBound;
import yardstick.cases.domain.MarginBalance;
import yardstick.cases.domain.SampledCase;

/**
 * A category's sample as it stands, with each classification's quota and achieved count, and the
 * bounds its draw had to loosen (none where it kept every count within one case of its quota).
 */
public record CategorySample(CategoryDraw draw, List<SampledCase> cases, List<MarginBalance> balance, List<LoosenedBound> loosened) {
}
