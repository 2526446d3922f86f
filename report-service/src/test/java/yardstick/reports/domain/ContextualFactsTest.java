package yardstick.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextualFactsTest {

    @Test
    void agesAreBandedAsTheReportsBandThemAndSharesAreWholePercentagesOfThePopulation() {
        List<ContextualFacts.Fact> facts = ContextualFacts.of(8, List.of(
                new ContextualFacts.Count("AGE", "12", 1), new ContextualFacts.Count("AGE", "14", 2), new ContextualFacts.Count("AGE", "16", 5),
                new ContextualFacts.Count("GENDER", "FEMALE", 3), new ContextualFacts.Count("GENDER", "MALE", 5),
                new ContextualFacts.Count("DISPOSAL_TYPE", "YOUTH_CONDITIONAL_CAUTION", 8),
                new ContextualFacts.Count("RISK_OF_SERIOUS_HARM", "HIGH", 8)));
        assertEquals(List.of(
                new ContextualFacts.Fact("AGE", "10-14", 3, 38),
                new ContextualFacts.Fact("AGE", "15-17", 5, 63),
                new ContextualFacts.Fact("GENDER", "Female", 3, 38),
                new ContextualFacts.Fact("GENDER", "Male", 5, 63),
                new ContextualFacts.Fact("DISPOSAL_TYPE", "Youth conditional caution", 8, 100)), facts);
    }

    @Test
    void aSubSampleOfFourCannotMeasureAShareToWithinFivePoints() {
        // At 80 per cent confidence z = 1.2816: four cases give 32.0 points, 39 give 10.3.
        assertEquals(32.04, ContextualFacts.subSampleMargin(4, 0.8), 0.01);
        assertEquals(10.26, ContextualFacts.subSampleMargin(39, 0.8), 0.01);
    }
}
