package yardstick.reports.app;

import com.google.protobuf.ByteString;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;

/**
 * Renders a report ({@link ReportRenditions}), keeping the latest renditions made. A rendition is
 * a function of the report's message alone, so one made from the very same message (compared
 * whole, not by name and version) is answered again: a report read over and over, as a published
 * one is, is rendered once. A bean, so that a test can hold a rendering midway.
 */
@Singleton
public class ReportRenderer {

    /** Enough for every format of the reports being read at once; the PDF, the largest, is about 0.2 MB. */
    private static final long KEPT_BYTES = 64L * 1024 * 1024;

    private record Made(ByteString report, ReportFormat format) {
    }

    private final Map<Made, RenderReportResponse> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keptBytes;

    public RenderReportResponse rendition(Report report, ReportFormat format) {
        Made made = new Made(report.toByteString(), format);
        synchronized (kept) {
            RenderReportResponse earlier = kept.get(made);
            if (earlier != null) {
                return earlier;
            }
        }
        RenderReportResponse rendition = ReportRenditions.rendition(report, format);
        keep(made, rendition);
        return rendition;
    }

    private void keep(Made made, RenderReportResponse rendition) {
        long size = made.report().size() + rendition.getContent().size();
        if (size > KEPT_BYTES / 4) {
            return;
        }
        synchronized (kept) {
            if (kept.putIfAbsent(made, rendition) != null) {
                return;
            }
            keptBytes += size;
            var oldest = kept.entrySet().iterator();
            while (keptBytes > KEPT_BYTES && oldest.hasNext()) {
                var entry = oldest.next();
                keptBytes -= entry.getKey().report().size() + entry.getValue().getContent().size();
                oldest.remove();
            }
        }
    }
}
