package yardstick.reports.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import yardstick.reports.v1.ReportFormat;

/** The portal's addresses of a publication's renditions and plan, and the format each extension names. */
final class PortalAddresses {

    private static final Map<String, ReportFormat> EXTENSIONS = Map.of("html", ReportFormat.REPORT_FORMAT_HTML,
            "md", ReportFormat.REPORT_FORMAT_MARKDOWN, "json", ReportFormat.REPORT_FORMAT_JSON, "pdf", ReportFormat.REPORT_FORMAT_PDF);

    private PortalAddresses() {
    }

    /** The format an address ends in ("html", "md", "json", "pdf"), if it is one. */
    static Optional<ReportFormat> format(String extension) {
        return Optional.ofNullable(EXTENSIONS.get(extension.toLowerCase(Locale.ROOT)));
    }

    /** Each rendition's address under {@code base}, which ends in "/". */
    static Map<String, String> renditions(String base) {
        return Map.of("html", base + "html", "markdown", base + "md", "json", base + "json", "pdf", base + "pdf");
    }

    static String report(UUID publication) {
        return "/api/v1/reports/" + publication;
    }

    static String plan(UUID publication) {
        return report(publication) + "/plan";
    }
}
