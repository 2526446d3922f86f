package yardstick.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Annexe 1 says the sample is a balanced probability sample, names the method and states the seed, in HTML and Markdown. */
class AnnexeOneSamplingStatementTest {

    private static final String METHOD = "balanced probability sample: inclusion probabilities calibrated by raking to every "
            + "classification's proportional quota and the recency share; cube method (Deville and Tillé 2004)";

    private static ReportDocument report(String method, long seed) {
        return report(method, seed, 0.67);
    }

    private static ReportDocument report(String method, long seed, double largestShareDifference) {
        return report(method, seed, largestShareDifference, List.of());
    }

    private static ReportDocument report(String method, long seed, double largestShareDifference, List<ReportDocument.LoosenedBound> loosened) {
        return new ReportDocument("Kent Youth Justice Service", "inspections/kent", "", new ReportDocument.Status(1, false, ""), List.of(),
                18, 36, "Requires improvement", "", List.of(), "", List.of(), "", List.of(), List.of(),
                List.of(new ReportDocument.SampleFacts("Court disposals", 144, 39, 80, 0.05, 60, 6, 9, 4.9, method, seed, largestShareDifference,
                        loosened)),
                List.of());
    }

    @Test
    void annexeOneStatesABalancedProbabilitySampleItsMethodAndItsSeedInEveryFormat() {
        ReportDocument report = report(METHOD, 8675309);
        String html = HtmlRendition.render(report);
        String markdown = MarkdownRendition.render(report);
        for (String rendition : List.of(html, markdown)) {
            assertTrue(rendition.contains("The court disposals sample is a balanced probability sample: every eligible case had a known "
                    + "chance of being inspected"), rendition);
            assertTrue(rendition.contains("Method: inclusion probabilities calibrated by raking"), rendition);
            assertTrue(rendition.contains("cube method (Deville and Tillé 2004)"), rendition);
            assertTrue(rendition.contains("Seed 8675309: the same population, plan and seed reproduce the sample."), rendition);
        }
    }

    @Test
    void theBalanceClaimedIsTheBalanceTheDrawAchieved() {
        assertTrue(report(METHOD, 1, 0.67).methodology().get(0).drawStatement()
                .contains("each classification's count lies within one case of its proportional share."));
        String wider = report(METHOD, 1, 1.33).methodology().get(0).drawStatement();
        assertTrue(wider.contains("each classification's count lies within 2 cases of its proportional share (the largest difference "
                + "is 1.3 cases)."), wider);
        assertTrue(!wider.contains("within one case"), wider);
    }

    /**
     * A draw that loosened two bounds: girls' count lies 2 cases from its share (4 drawn against a
     * share of 2), licence disposals' 1.48 from theirs; a third loosened bound, medium risk of
     * serious harm, ended within a case and is not named.
     */
    @Test
    void aDrawThatCouldNotKeepEveryClassificationWithinOneCaseSaysWhichInEveryFormat() {
        ReportDocument report = report(METHOD, 8675309, 2.0, List.of(new ReportDocument.LoosenedBound("GENDER", "FEMALE", 1, 2.0),
                new ReportDocument.LoosenedBound("DISPOSAL_TYPE", "LICENCE", 1, 1.48),
                new ReportDocument.LoosenedBound("RISK_OF_SERIOUS_HARM", "MEDIUM", 1, 0.4)));
        for (String rendition : List.of(HtmlRendition.render(report), MarkdownRendition.render(report))) {
            assertTrue(rendition.contains("every eligible case had a known chance of being inspected, greater than zero. The draw could not "
                    + "keep every classification within one case of its proportional share: female gender was 2 cases from its share "
                    + "and licence disposals 1.5 cases."), rendition);
            assertTrue(!rendition.contains("medium risk of serious harm"), rendition);
            assertTrue(!rendition.contains("lies within one case"), rendition);
            assertTrue(rendition.contains("Seed 8675309: the same population, plan and seed reproduce the sample."), rendition);
        }
    }

    @Test
    void aDrawThatKeptEveryClassificationWithinOneCaseSaysSoInEveryFormat() {
        ReportDocument report = report(METHOD, 8675309, 0.98);
        for (String rendition : List.of(HtmlRendition.render(report), MarkdownRendition.render(report))) {
            assertTrue(rendition.contains("every eligible case had a known chance of being inspected, greater than zero, and each "
                    + "classification's count lies within one case of its proportional share."), rendition);
            assertTrue(!rendition.contains("could not keep"), rendition);
        }
    }

    @Test
    void aSampleWhoseMethodIsUnknownIsNotCalledAProbabilitySample() {
        assertEquals("", report("", 0).methodology().get(0).drawStatement());
        assertTrue(!HtmlRendition.render(report("", 0)).contains("probability sample"));
    }
}
