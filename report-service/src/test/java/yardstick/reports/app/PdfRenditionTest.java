package yardstick.reports.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import yardstick.reports.domain.HtmlRendition;
import yardstick.reports.domain.ReportDocument;

class PdfRenditionTest {

    @Test
    void thePdfIsTaggedNumbersItsPagesAndCarriesTheRatingsAndScore() throws Exception {
        ReportDocument report = new ReportDocument("Kent Youth Justice Service", "inspections/1", "inspections/1/ratingSnapshots/1",
                new ReportDocument.Status(1, false, ""), List.of(new ReportDocument.RatingRow("2.1", "Assessment", "Inadequate"), new ReportDocument.RatingRow("3.4", "Joint working", "Good")),
                18, 36, "Requires improvement", "", List.of(), "", List.of(), "", List.of(),
                List.of(new ReportDocument.Section(2, "Court disposals", "2.1", "Assessment", "Inadequate", true,
                        List.of(new ReportDocument.KeyQuestionRow("2.1.3", "Does assessment sufficiently analyse how to keep other people safe?", 41,
                                true, 34, List.of())), "", "", "", List.of())),
                List.of(new ReportDocument.SampleFacts("Court disposals", 144, 39, 80, 0.05, 60, 6, 9, 4.9, "", 0, 0, List.of())), List.of());
        byte[] pdf = PdfRendition.render(HtmlRendition.render(report));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("18/36: Requires improvement"), text);
            assertTrue(text.contains("Inadequate") && text.contains("Good"), text);
            assertTrue(text.contains("41%"), text);
            assertTrue(text.contains("Page 1 of " + document.getNumberOfPages()), text);
            assertTrue(document.getDocumentCatalog().getMarkInfo() != null && document.getDocumentCatalog().getMarkInfo().isMarked(),
                    "a tagged PDF");
            assertNotNull(document.getDocumentCatalog().getStructureTreeRoot(), "with a structure tree");
            assertTrue("en-GB".equalsIgnoreCase(document.getDocumentCatalog().getLanguage()), document.getDocumentCatalog().getLanguage());
            assertTrue(String.valueOf(document.getDocumentInformation().getSubject()).startsWith("Inspection report on Kent"),
                    "PDF/UA's document description: " + document.getDocumentInformation().getSubject());
            assertTrue(String.valueOf(document.getDocumentInformation().getTitle()).contains("Kent Youth Justice Service"));
        }
    }
}
