package yardstick.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlRenditionTest {

    private static ReportDocument report(String service) {
        return new ReportDocument(service, "inspections/1", "inspections/1/ratingSnapshots/1",
                List.of(new ReportDocument.RatingRow("2.1", "Assessment", "Good")), 24, 36, "Good", "",
                List.of(new ReportDocument.Section(2, "Court disposals", "2.1", "Assessment", "Good", true,
                        List.of(new ReportDocument.KeyQuestionRow("2.1.1", "Does assessment sufficiently analyse desistance?", 70, true),
                                new ReportDocument.KeyQuestionRow("2.1.2", "Is the child safe?", null, false)), "", "")),
                List.of(new ReportDocument.SampleFacts("Court disposals", 144, 77, 80, 0.05, 60, 6, 9, 4.9)));
    }

    @Test
    void textIsEscapedSoThatNothingInTheDataBecomesMarkup() {
        Document html = Jsoup.parse(HtmlRendition.render(report("Kent & Medway <YJS>")));
        assertEquals("An inspection of youth justice services: Kent & Medway <YJS>", html.selectFirst("h1").text());
        assertTrue(html.select("YJS").isEmpty());
    }

    @Test
    void theLowestKeyQuestionIsBoldAndAQuestionNoCaseAppliedToSaysSo() {
        Document html = Jsoup.parse(HtmlRendition.render(report("Kent YJS")));
        assertEquals("70%", html.selectFirst("tbody tr td strong").text());
        assertTrue(html.text().contains("not applicable"));
        assertTrue(MarkdownRendition.render(report("Kent YJS")).contains("| Does assessment sufficiently analyse desistance? | **70%** |"));
    }
}
