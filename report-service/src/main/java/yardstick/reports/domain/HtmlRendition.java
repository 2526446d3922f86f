package yardstick.reports.domain;

import java.util.Locale;

/**
 * The report as an accessible HTML document, after the GOV.UK Design System's conventions for
 * published reports: one h1, headings in order, tables with captions and header cells, the
 * language declared, text and links in high contrast, the lowest key question in bold.
 */
public final class HtmlRendition {

    private static final String STYLE = """
            @page{size:A4;margin:18mm 16mm;@bottom-center{content:"Page " counter(page) " of " counter(pages);font-family:'Liberation Sans',Arial,sans-serif;font-size:9pt}}
            body{font-family:'Liberation Sans',Arial,sans-serif;color:#0b0c0c;background:#fff;margin:0;line-height:1.4}
            main{max-width:960px;margin:0 auto;padding:20px}
            h1{font-size:2.25rem}h2{font-size:1.5rem;margin-top:2rem}h3{font-size:1.2rem}
            table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
            caption{text-align:left;font-weight:bold;margin-bottom:.5rem}
            th,td{border-bottom:1px solid #b1b4b6;padding:.5rem;text-align:left;vertical-align:top}
            .draft{background:#fff7bf;border-left:5px solid #0b0c0c;padding:.75rem}
            """;

    private HtmlRendition() {
    }

    public static String render(ReportDocument report) {
        StringBuilder html = new StringBuilder(16_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(report.title())).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<main id=\"main-content\">\n")
                .append("<h1>").append(escape(report.title())).append("</h1>\n")
                .append("<p class=\"draft\">Draft. Figures from ").append(escape(report.ratingsSnapshot())).append(".</p>\n");

        html.append("<h2 id=\"ratings\">Ratings</h2>\n<table>\n<caption>Ratings of ").append(escape(report.serviceInspected()))
                .append("</caption>\n<thead><tr><th scope=\"col\">Standard</th><th scope=\"col\">Rating</th></tr></thead>\n<tbody>\n");
        for (ReportDocument.RatingRow row : report.ratings()) {
            html.append("<tr><th scope=\"row\">").append(escape(row.standard() + " " + row.name())).append("</th><td>")
                    .append(escape(row.rating())).append("</td></tr>\n");
        }
        html.append("<tr><th scope=\"row\">Overall</th><td>").append(report.score()).append("/").append(report.maximumScore())
                .append(": ").append(escape(report.overall())).append("</td></tr>\n</tbody>\n</table>\n");
        if (!report.resettlement().isEmpty()) {
            html.append("<p>Resettlement, rated separately: ").append(escape(report.resettlement())).append("</p>\n");
        }

        int domain = -1;
        for (ReportDocument.Section section : report.sections()) {
            if (section.domainNumber() != domain) {
                domain = section.domainNumber();
                html.append("<h2>").append(domain).append(". ").append(escape(section.domainName())).append("</h2>\n");
            }
            html.append("<h3>").append(escape(section.standard() + " " + section.name())).append("</h3>\n")
                    .append("<p>Rating: <strong>").append(escape(section.rating())).append("</strong></p>\n");
            if (section.caseBased()) {
                html.append("<table>\n<caption>Key questions of ").append(escape(section.standard() + " " + section.name()))
                        .append(": percentage of cases judged yes</caption>\n")
                        .append("<thead><tr><th scope=\"col\">Key question</th><th scope=\"col\">% yes</th></tr></thead>\n<tbody>\n");
                for (ReportDocument.KeyQuestionRow row : section.keyQuestions()) {
                    String percentage = row.percentage() == null ? "not applicable" : row.percentage() + "%";
                    html.append("<tr><th scope=\"row\">").append(escape(row.text())).append("</th><td>")
                            .append(row.lowest() ? "<strong>" + percentage + "</strong>" : percentage).append("</td></tr>\n");
                }
                html.append("</tbody>\n</table>\n");
                if (!section.discretionNote().isEmpty()) {
                    html.append("<p>").append(escape(section.discretionNote())).append("</p>\n");
                }
            } else if (!section.rationale().isEmpty()) {
                html.append("<p>").append(escape(section.rationale())).append("</p>\n");
            }
        }

        html.append("<h2 id=\"annexe-1\">Annexe 1: Methodology</h2>\n<table>\n<caption>How the cases were sampled</caption>\n")
                .append("<thead><tr><th scope=\"col\">Cases</th><th scope=\"col\">Eligible</th><th scope=\"col\">Sampled</th>")
                .append("<th scope=\"col\">Confidence</th><th scope=\"col\">Margin of error</th><th scope=\"col\">Recent share</th></tr></thead>\n<tbody>\n");
        for (ReportDocument.SampleFacts facts : report.methodology()) {
            html.append("<tr><th scope=\"row\">").append(escape(facts.category())).append("</th><td>").append(facts.population())
                    .append("</td><td>").append(facts.size()).append("</td><td>").append(facts.confidencePercent()).append("%</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", facts.marginAchieved())).append(" (planned ")
                    .append(String.format(Locale.ROOT, "%.0f", facts.marginOfError() * 100)).append(")</td><td>")
                    .append(facts.recentSharePercent()).append("% from ").append(facts.recentFromMonths()).append(" to ")
                    .append(facts.recentToMonths()).append(" months before fieldwork</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
