package yardstick.reports.app;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * The report as tagged PDF (PDF/UA), from its HTML rendition, by openhtmltopdf: the same content,
 * with page numbers. PDF/UA needs every font embedded, so the text is set in Liberation Sans, the
 * font PDFBox itself ships.
 */
public final class PdfRendition {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    static {
        PdfLibraryLog.install();
    }

    private PdfRendition() {
    }

    public static byte[] render(String html) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            builder.useFont(PdfRendition::font, "Liberation Sans");
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF", e);
        }
    }

    private static InputStream font() {
        InputStream font = PdfRendition.class.getResourceAsStream(FONT);
        if (font == null) {
            throw new IllegalStateException("PDFBox's Liberation Sans is missing from the classpath");
        }
        return font;
    }
}
