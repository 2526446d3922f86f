package yardstick.reports.app;

import jakarta.inject.Singleton;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;

/** Renders a report for publication: {@link ReportRenditions} as a bean, so that a test can hold a rendering midway. */
@Singleton
public class ReportRenderer {

    public RenderReportResponse rendition(Report report, ReportFormat format) {
        return ReportRenditions.rendition(report, format);
    }
}
