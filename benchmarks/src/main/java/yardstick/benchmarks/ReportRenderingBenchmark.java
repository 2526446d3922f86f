package yardstick.benchmarks;

import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import yardstick.reports.app.PdfRendition;
import yardstick.reports.app.ReportRenditions;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;

/**
 * Kent's report rendered in each format, warm, in process, as RenderReport and PublishReport
 * make them from the one model; and, beside the PDF, the PDF library alone on the same finished
 * HTML, so that the difference is what assembling the document costs.
 *
 * <p>The report is Kent's published one as the golden test writes it
 * ({@code suite/target/renditions/kent-2021-report.json}, after {@code ./mvnw verify}), or any
 * report's JSON rendition named by {@code -Dyardstick.report=FILE} (e.g. fetched from
 * {@code ./yardstick demo}'s .../json address).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ReportRenderingBenchmark {

    private Report kent;
    private String finishedHtml;

    @Setup
    public void setUp() throws IOException {
        Path file = Path.of(System.getProperty("yardstick.report", "suite/target/renditions/kent-2021-report.json"));
        if (!Files.exists(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " does not exist: run ./mvnw verify (the golden test writes it), "
                    + "or save a report's JSON rendition and name it with -Dyardstick.report=FILE");
        }
        Report.Builder report = Report.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(Files.readString(file), report);
        kent = report.build();
        finishedHtml = ReportRenditions.rendition(kent, ReportFormat.REPORT_FORMAT_HTML).getContent().toStringUtf8();
    }

    @Benchmark
    public Object html() {
        return ReportRenditions.rendition(kent, ReportFormat.REPORT_FORMAT_HTML);
    }

    @Benchmark
    public Object markdown() {
        return ReportRenditions.rendition(kent, ReportFormat.REPORT_FORMAT_MARKDOWN);
    }

    @Benchmark
    public Object json() {
        return ReportRenditions.rendition(kent, ReportFormat.REPORT_FORMAT_JSON);
    }

    @Benchmark
    public Object pdf() {
        return ReportRenditions.rendition(kent, ReportFormat.REPORT_FORMAT_PDF);
    }

    /** openhtmltopdf on the finished HTML alone: no model, no HTML assembly. */
    @Benchmark
    public Object pdfLibraryAloneOnFinishedHtml() {
        return PdfRendition.render(finishedHtml);
    }
}
