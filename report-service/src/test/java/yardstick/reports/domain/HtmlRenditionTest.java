package yardstick.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlRenditionTest {

    private static final List<ReportDocument.RatingRow> RESETTLEMENT_NOT_RATED = List.of(
            new ReportDocument.RatingRow("4.1", "Resettlement policy and provision", ReportDocument.NOT_RATED));

    private static ReportDocument report(String service, ReportDocument.Status status, List<ReportDocument.Recommendation> recommendations) {
        return new ReportDocument(service, "inspections/1", "inspections/1/ratingSnapshots/1", status,
                List.of(new ReportDocument.RatingRow("2.1", "Assessment", "Good")), 24, 36, "Good", "", RESETTLEMENT_NOT_RATED,
                "First paragraph <b>not bold</b>.\n\nSecond paragraph.", recommendations, "",
                List.of(new ContextualFacts.Fact("GENDER", "Female", 3, 30), new ContextualFacts.Fact("GENDER", "Male", 7, 70)),
                List.of(new ReportDocument.Section(2, "Court disposals", "2.1", "Assessment", "Good", true,
                        List.of(new ReportDocument.KeyQuestionRow("2.1.1", "Does assessment sufficiently analyse desistance?", 70, true, 10,
                                        List.of(new ReportDocument.PromptRow("a", "Strengths", 80), new ReportDocument.PromptRow("b", "Diversity", null))),
                                new ReportDocument.KeyQuestionRow("2.1.2", "Is the child safe?", null, false, 0, List.of())), "", "", "", List.of()),
                        new ReportDocument.Section(1, "Organisational delivery", "1.2", "Staff", "Requires improvement", false, List.of(), "",
                                "Caseloads were too high.", "", List.of("Do staffing and workload levels support the delivery?"))),
                List.of(new ReportDocument.SampleFacts("Court disposals", 144, 77, 80, 0.05, 60, 6, 9, 4.9, "", 0, 0, List.of())), List.of());
    }

    private static ReportDocument report(String service) {
        return report(service, new ReportDocument.Status(1, false, ""), List.of());
    }

    @Test
    void resettlementWithoutResettlementCasesIsSaidToBeNotRatedAsTheReportsSayIt() {
        String expected = "4.1 Resettlement policy and provision was not rated: the sample had no cases for it, and where there are "
                + "no relevant cases we do not apply a rating to this work.";
        Document html = Jsoup.parse(HtmlRendition.render(report("Harrow Youth Justice Service")));
        assertTrue(html.select("#ratings ~ p").eachText().contains(expected), html.select("#ratings ~ p").eachText().toString());
        assertTrue(MarkdownRendition.render(report("Harrow Youth Justice Service")).contains(expected));
    }

    @Test
    void textIsEscapedSoThatNothingInTheDataBecomesMarkup() {
        Document html = Jsoup.parse(HtmlRendition.render(report("Kent & Medway <YJS>")));
        assertEquals("An inspection of youth justice services: Kent & Medway <YJS>", html.selectFirst("h1").text());
        assertTrue(html.select("YJS").isEmpty());
        assertTrue(html.select("#executive-summary ~ p b").isEmpty(), "authored prose is text, not markup");
    }

    @Test
    void theLowestKeyQuestionIsBoldAndAQuestionNoCaseAppliedToSaysSo() {
        Document html = Jsoup.parse(HtmlRendition.render(report("Kent YJS")));
        assertEquals("70%", html.selectFirst("tbody tr td strong").text());
        assertTrue(html.text().contains("not applicable"));
        assertTrue(MarkdownRendition.render(report("Kent YJS")).contains("| Does assessment sufficiently analyse desistance? | **70%** |"));
    }

    @Test
    void proseKeepsItsParagraphsAndUnwrittenSectionsSaySo() {
        Document html = Jsoup.parse(HtmlRendition.render(report("Kent YJS")));
        assertEquals(List.of("First paragraph <b>not bold</b>.", "Second paragraph."),
                html.select("#executive-summary ~ p").stream().limit(2).map(p -> p.text()).toList());
        assertTrue(html.text().contains("The background is not written yet."));
        assertTrue(html.text().contains("The recommendations are not written yet."));
        assertTrue(html.selectFirst("p.draft").text().startsWith("Draft, version 1, not published."));
    }

    @Test
    void recommendationsAreNumberedThroughAndGroupedByWhomTheyAreAddressedTo() {
        ReportDocument report = report("Kent YJS", new ReportDocument.Status(3, true, "2.1's narrative named the wrong month"), List.of(
                new ReportDocument.Recommendation(1, "the Kent Youth Justice Service", "practitioners have the time they need"),
                new ReportDocument.Recommendation(2, "the Kent Youth Justice Service", "oversight is consistent"),
                new ReportDocument.Recommendation(3, "the management board", "staff understand the board's work")));
        Document html = Jsoup.parse(HtmlRendition.render(report));
        assertEquals(List.of("1", "3"), html.select("#recommendations ~ ol").stream().map(ol -> ol.attr("start")).toList());
        assertEquals("The management board should make sure that:", html.select("#recommendations ~ p").get(1).text());
        assertEquals(3, html.select("#recommendations ~ ol li").size());
        assertTrue(html.text().contains("Correction: 2.1's narrative named the wrong month"));
        assertTrue(html.text().contains("Published: version 3."));
        String markdown = MarkdownRendition.render(report);
        assertTrue(markdown.contains("The management board should make sure that:\n\n3. staff understand the board's work\n"), markdown);
    }

    @Test
    void annexeTwoGivesEachPromptItsPercentageAndContextualFactsTheirShare() {
        Document html = Jsoup.parse(HtmlRendition.render(report("Kent YJS")));
        var annexe = html.select("table").stream().filter(t -> t.selectFirst("caption").text().startsWith("2.1.1 ")).findFirst().orElseThrow();
        assertEquals(List.of("70%", "80%", "not applicable"), annexe.select("tbody td").stream().map(td -> td.text()).toList());
        var gender = html.select("table").stream().filter(t -> t.selectFirst("caption").text().equals("The eligible population by gender"))
                .findFirst().orElseThrow();
        assertEquals("Female 3 30%", gender.select("tbody tr").get(0).text());
        assertTrue(MarkdownRendition.render(report("Kent YJS")).contains("| a. Strengths | 80% |"));
    }

    @Test
    void aQualitativeStandardListsTheKeyQuestionsItWasJudgedAgainst() {
        Document html = Jsoup.parse(HtmlRendition.render(report("Kent YJS")));
        var staff = html.select("h3:contains(1.2 Staff) ~ ul").first();
        assertEquals(List.of("Do staffing and workload levels support the delivery?"), staff.select("li").eachText());
        assertTrue(MarkdownRendition.render(report("Kent YJS")).contains(
                "Judged against the key questions:\n\n- Do staffing and workload levels support the delivery?\n\nCaseloads were too high."));
    }
}
