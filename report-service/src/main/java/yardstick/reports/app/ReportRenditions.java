package yardstick.reports.app;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import yardstick.reports.domain.HtmlRendition;
import yardstick.reports.domain.MarkdownRendition;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;

/** A report's renditions, each made from its one model. */
public final class ReportRenditions {

    private ReportRenditions() {
    }

    /** One rendition of a report, made from its one model. */
    public static RenderReportResponse rendition(Report report, ReportFormat format) {
        RenderReportResponse.Builder rendition = RenderReportResponse.newBuilder();
        switch (format) {
            case REPORT_FORMAT_HTML -> rendition.setContentType("text/html; charset=utf-8")
                    .setContent(ByteString.copyFromUtf8(HtmlRendition.render(ReportDocuments.of(report))));
            case REPORT_FORMAT_MARKDOWN -> rendition.setContentType("text/markdown; charset=utf-8")
                    .setContent(ByteString.copyFromUtf8(MarkdownRendition.render(ReportDocuments.of(report))));
            case REPORT_FORMAT_PDF -> rendition.setContentType("application/pdf")
                    .setContent(ByteString.copyFrom(PdfRendition.render(HtmlRendition.render(ReportDocuments.of(report)))));
            default -> rendition.setContentType("application/json").setContent(ByteString.copyFromUtf8(json(report)));
        }
        return rendition.build();
    }

    /** How a rendition's format is stored: "HTML", "MARKDOWN", "JSON", "PDF". */
    public static String stored(ReportFormat format) {
        return format.name().substring("REPORT_FORMAT_".length());
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Report report) {
        try {
            return JsonFormat.printer().preservingProtoFieldNames().print(report);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
