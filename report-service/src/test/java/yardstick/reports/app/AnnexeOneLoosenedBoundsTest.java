package yardstick.reports.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import yardstick.cases.v1.CategoryPlan;
import yardstick.cases.v1.CategorySample;
import yardstick.cases.v1.CategorySettings;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.MarginBalance;
import yardstick.cases.v1.PopulationSummary;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplePlan;
import yardstick.common.v1.CaseCategory;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.reports.v1.LoosenedBound;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.SampleFacts;

/**
 * Annexe 1 says what case-service's draw recorded: the bounds it had to loosen, in the
 * inspectorate's words, in the report's figures and in its HTML, Markdown and JSON renditions; and
 * that every count lies within one case of its share where the draw loosened nothing.
 */
class AnnexeOneLoosenedBoundsTest {

    private static final String METHOD = "balanced probability sample: inclusion probabilities calibrated by raking; cube method";
    private static final String LOOSENED = "The draw could not keep every classification within one case of its proportional share: "
            + "female gender was 1.5 cases from its share and male gender 1.5 cases.";
    private static final String KEPT = "and each classification's count lies within one case of its proportional share.";

    /** 63 court cases drawn from 100; 4 girls (a share of 2.52) and 59 boys (60.48); recency 4 of 4. */
    private static Report assembled(int girlsLoosenedBy, int girlsDrawn) {
        Sample sample = Sample.newBuilder().addCategories(CategorySample.newBuilder().setCategory(CaseCategory.CASE_CATEGORY_COURT)
                .setSeed(20261202).setMethod(METHOD)
                .addBalance(balance("GENDER", "FEMALE", 4, 2.52, girlsDrawn, girlsLoosenedBy))
                .addBalance(balance("GENDER", "MALE", 96, 60.48, 63 - girlsDrawn, girlsLoosenedBy))
                .addBalance(balance("SAFETY_AND_WELLBEING", "HIGH", 20, 12.6, 13, girlsLoosenedBy))
                .addBalance(balance("RECENCY", "RECENT", 4, 4, 4, 0))).build();
        SamplePlan plan = SamplePlan.newBuilder().addCategories(CategoryPlan.newBuilder()
                .setSettings(CategorySettings.newBuilder().setCategory(CaseCategory.CASE_CATEGORY_COURT).setConfidence(0.8)
                        .setMarginOfError(0.05).setRecentShare(0.6).setRecentFromMonths(6).setRecentToMonths(9))
                .setPopulation(100).setSize(63).setMarginOfErrorAchieved(4.9)).build();
        return ReportAssembly.assemble(Inspection.newBuilder().setName("inspections/kent").setServiceInspected("Kent Youth Justice Service")
                        .build(), Framework.getDefaultInstance(), RatingSnapshot.getDefaultInstance(), plan, sample,
                PopulationSummary.newBuilder().setTotal(100).build(), GetJudgementTalliesResponse.getDefaultInstance()).build();
    }

    private static MarginBalance balance(String classification, String category, int inPopulation, double share, int achieved, int loosenedBy) {
        return MarginBalance.newBuilder().setClassification(classification).setCategory(category).setInPopulation(inPopulation)
                .setProportionalTarget(share).setTarget((int) Math.round(share)).setAchieved(achieved).setLoosenedBy(loosenedBy).build();
    }

    private static String rendition(Report report, ReportFormat format) {
        return ReportRenditions.rendition(report, format).getContent().toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLoosenedDrawIsNamedInTheFiguresAndInEveryRendition() throws Exception {
        Report report = assembled(1, 4);
        SampleFacts facts = report.getMethodology(0);
        // Girls: 4 drawn against 2.52; boys: 59 against 60.48; high safety and wellbeing loosened but 0.4 from its share.
        assertEquals(List.of("FEMALE", "MALE", "HIGH"), facts.getLoosenedBoundsList().stream().map(LoosenedBound::getCategory).toList());
        assertEquals(1.48, facts.getLoosenedBounds(0).getShareDifference(), 1e-9);
        assertEquals(1, facts.getLoosenedBounds(0).getLoosenedBy());
        assertEquals(0.4, facts.getLoosenedBounds(2).getShareDifference(), 1e-9);

        Document html = Jsoup.parse(rendition(report, ReportFormat.REPORT_FORMAT_HTML));
        assertTrue(html.select("#annexe-1 ~ p.govuk-body").eachText().stream().anyMatch(p -> p.contains(LOOSENED)),
                html.select("#annexe-1 ~ p").eachText().toString());
        assertTrue(rendition(report, ReportFormat.REPORT_FORMAT_MARKDOWN).contains(LOOSENED));

        SampleFacts json = readJson(rendition(report, ReportFormat.REPORT_FORMAT_JSON)).getMethodology(0);
        assertTrue(json.getDrawStatement().contains(LOOSENED), json.getDrawStatement());
        assertTrue(json.getDrawStatement().contains("Seed 20261202"), json.getDrawStatement());
        assertEquals(facts.getLoosenedBoundsList(), json.getLoosenedBoundsList());
        for (String format : List.of(html.text(), rendition(report, ReportFormat.REPORT_FORMAT_MARKDOWN), json.getDrawStatement())) {
            assertTrue(!format.contains(KEPT), "a loosened draw is not said to keep every count within one case");
            assertTrue(!format.contains("safety and wellbeing was"), "a loosened bound whose count ended within one case is not named");
        }
    }

    @Test
    void aDrawThatLoosenedNothingSaysEveryCountIsWithinOneCaseInEveryRendition() throws Exception {
        Report report = assembled(0, 3);
        assertEquals(0, report.getMethodology(0).getLoosenedBoundsCount());
        Document html = Jsoup.parse(rendition(report, ReportFormat.REPORT_FORMAT_HTML));
        assertTrue(html.select("#annexe-1 ~ p.govuk-body").eachText().stream().anyMatch(p -> p.contains(KEPT)),
                html.select("#annexe-1 ~ p").eachText().toString());
        assertTrue(rendition(report, ReportFormat.REPORT_FORMAT_MARKDOWN).contains(KEPT));
        String statement = readJson(rendition(report, ReportFormat.REPORT_FORMAT_JSON)).getMethodology(0).getDrawStatement();
        assertTrue(statement.contains(KEPT), statement);
        assertTrue(!statement.contains("could not keep"), statement);
    }

    private static Report readJson(String json) throws Exception {
        Report.Builder report = Report.newBuilder();
        JsonFormat.parser().merge(json, report);
        return report.build();
    }
}
