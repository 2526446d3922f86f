package yardstick.reports.domain;

import java.util.List;
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
            td.number,th.number{text-align:right}
            .status{background:#f3f2f1;border-left:5px solid #0b0c0c;padding:.75rem}
            .draft{background:#fff7bf}
            """;

    private HtmlRendition() {
    }

    public static String render(ReportDocument report) {
        StringBuilder html = new StringBuilder(64_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // PDF/UA asks for a document description; openhtmltopdf takes it (and the PDF's subject) from these.
                .append("<meta name=\"description\" content=\"").append(escape(description(report))).append("\">\n")
                .append("<meta name=\"subject\" content=\"").append(escape(description(report))).append("\">\n")
                .append("<title>").append(escape(report.title())).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<main id=\"main-content\">\n")
                .append("<h1>").append(escape(report.title())).append("</h1>\n");
        status(report, html);
        ratings(report, html);

        html.append("<h2 id=\"executive-summary\">Executive summary</h2>\n");
        prose(report.executiveSummary(), "The executive summary is not written yet.", html);
        recommendations(report, html);
        html.append("<h2 id=\"background\">Background</h2>\n");
        prose(report.background(), "The background is not written yet.", html);
        contextualFacts(report, html);

        int domain = -1;
        for (ReportDocument.Section section : report.sections()) {
            if (section.domainNumber() != domain) {
                domain = section.domainNumber();
                html.append("<h2>").append(domain).append(". ").append(escape(section.domainName())).append("</h2>\n");
            }
            standard(section, html);
        }
        methodology(report, html);
        annexeTwo(report, html);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String description(ReportDocument report) {
        return "Inspection report on " + report.serviceInspected() + ": ratings, findings, recommendations and methodology";
    }

    private static void status(ReportDocument report, StringBuilder html) {
        ReportDocument.Status status = report.status();
        if (status.published()) {
            html.append("<p class=\"status\">Published: version ").append(status.version()).append(".");
        } else {
            html.append("<p class=\"status draft\">Draft, version ").append(status.version()).append(", not published.");
        }
        html.append(" Figures from ").append(escape(report.ratingsSnapshot())).append(".</p>\n");
        if (!status.correctionNote().isEmpty()) {
            html.append("<p class=\"status\"><strong>Correction:</strong> ").append(escape(status.correctionNote())).append("</p>\n");
        }
    }

    private static void ratings(ReportDocument report, StringBuilder html) {
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
    }

    /** Recommendations numbered through, grouped under whom they are addressed to, as the reports set them out. */
    private static void recommendations(ReportDocument report, StringBuilder html) {
        html.append("<h2 id=\"recommendations\">Recommendations</h2>\n");
        if (report.recommendations().isEmpty()) {
            html.append("<p>The recommendations are not written yet.</p>\n");
            return;
        }
        String addressedTo = null;
        for (ReportDocument.Recommendation recommendation : report.recommendations()) {
            if (!recommendation.addressedTo().equals(addressedTo)) {
                if (addressedTo != null) {
                    html.append("</ol>\n");
                }
                addressedTo = recommendation.addressedTo();
                html.append("<p>").append(escape(Words.capitalised(addressedTo))).append(" should make sure that:</p>\n<ol start=\"")
                        .append(recommendation.number()).append("\">\n");
            }
            html.append("<li>").append(escape(recommendation.text())).append("</li>\n");
        }
        html.append("</ol>\n");
    }

    private static void contextualFacts(ReportDocument report, StringBuilder html) {
        if (report.contextualFacts().isEmpty()) {
            return;
        }
        html.append("<h3 id=\"contextual-facts\">Contextual facts</h3>\n")
                .append("<p>The make-up of the eligible population the sample was drawn from, as case-service records it.</p>\n");
        String classification = null;
        for (ContextualFacts.Fact fact : report.contextualFacts()) {
            if (!fact.classification().equals(classification)) {
                if (classification != null) {
                    html.append("</tbody>\n</table>\n");
                }
                classification = fact.classification();
                String name = ReportDocument.classificationName(classification);
                html.append("<table>\n<caption>The eligible population by ").append(name).append("</caption>\n<thead><tr><th scope=\"col\">")
                        .append(escape(Words.capitalised(name))).append("</th><th scope=\"col\" class=\"number\">Cases</th>")
                        .append("<th scope=\"col\" class=\"number\">%</th></tr></thead>\n<tbody>\n");
            }
            html.append("<tr><th scope=\"row\">").append(escape(fact.category())).append("</th><td class=\"number\">").append(fact.count())
                    .append("</td><td class=\"number\">").append(fact.percentage()).append("%</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void standard(ReportDocument.Section section, StringBuilder html) {
        html.append("<h3>").append(escape(section.standard() + " " + section.name())).append("</h3>\n")
                .append("<p>Rating: <strong>").append(escape(section.rating())).append("</strong></p>\n");
        if (section.caseBased()) {
            html.append("<table>\n<caption>Key questions of ").append(escape(section.standard() + " " + section.name()))
                    .append(": percentage of cases judged yes</caption>\n")
                    .append("<thead><tr><th scope=\"col\">Key question</th><th scope=\"col\">% yes</th></tr></thead>\n<tbody>\n");
            for (ReportDocument.KeyQuestionRow row : section.keyQuestions()) {
                String percentage = percentage(row.percentage());
                html.append("<tr><th scope=\"row\">").append(escape(row.text())).append("</th><td>")
                        .append(row.lowest() ? "<strong>" + percentage + "</strong>" : percentage).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
            if (!section.discretionNote().isEmpty()) {
                html.append("<p>").append(escape(section.discretionNote())).append("</p>\n");
            }
        } else {
            if (!section.questions().isEmpty()) {
                html.append("<p>Judged against the key questions:</p>\n<ul>\n");
                section.questions().forEach(q -> html.append("<li>").append(escape(q)).append("</li>\n"));
                html.append("</ul>\n");
            }
            if (!section.rationale().isEmpty()) {
                html.append("<p>").append(escape(section.rationale())).append("</p>\n");
            }
        }
        for (String paragraph : ReportDocument.paragraphs(section.narrative())) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
    }

    private static void methodology(ReportDocument report, StringBuilder html) {
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
        html.append("</tbody>\n</table>\n");
        html.append("<p>Each sample's categories were drawn in proportion to the eligible population by gender, disposal type, ")
                .append("risk of serious harm and safety and wellbeing classification.</p>\n");
        for (ReportDocument.SampleFacts facts : report.methodology()) {
            if (!facts.drawStatement().isEmpty()) {
                html.append("<p>").append(escape(facts.drawStatement())).append("</p>\n");
            }
        }
        if (!report.subSamples().isEmpty()) {
            html.append("<h3 id=\"sub-samples\">Sub-samples</h3>\n<table>\n<caption>Key questions judged in a sub-sample, ")
                    .append("and the margin of error of their findings</caption>\n<thead><tr><th scope=\"col\">Key question</th>")
                    .append("<th scope=\"col\">Cases</th><th scope=\"col\">Margin of error</th></tr></thead>\n<tbody>\n");
            for (ReportDocument.SubSample sub : report.subSamples()) {
                html.append("<tr><th scope=\"row\">").append(escape(sub.standard() + " " + sub.text())).append("</th><td>").append(sub.cases())
                        .append(" of ").append(sub.sampleSize()).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.1f", sub.marginOfError())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("<h3 id=\"discretion\">Professional discretion</h3>\n");
        if (report.discretionApplied().isEmpty()) {
            html.append("<p>The ratings panel did not use professional discretion.</p>\n");
        } else {
            html.append("<ul>\n");
            for (ReportDocument.Section section : report.discretionApplied()) {
                html.append("<li>").append(escape(section.standard() + " " + section.name() + ": " + section.discretionNote())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
    }

    private static void annexeTwo(ReportDocument report, StringBuilder html) {
        html.append("<h2 id=\"annexe-2\">Annexe 2: Inspection data</h2>\n")
                .append("<p>The percentage of cases judged yes for each key question, and for each prompt of the cases that answered it.</p>\n");
        for (ReportDocument.Section section : report.sections()) {
            if (!section.caseBased()) {
                continue;
            }
            html.append("<h3>").append(escape(section.standard() + " " + section.name())).append(": key questions and prompts</h3>\n");
            for (ReportDocument.KeyQuestionRow row : section.keyQuestions()) {
                html.append("<table>\n<caption>").append(escape(row.id() + " " + row.text())).append("</caption>\n")
                        .append("<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">% yes</th></tr></thead>\n<tbody>\n")
                        .append("<tr><th scope=\"row\"><strong>").append(escape(row.text())).append("</strong></th><td><strong>")
                        .append(percentage(row.percentage())).append("</strong></td></tr>\n");
                for (ReportDocument.PromptRow prompt : row.prompts()) {
                    html.append("<tr><th scope=\"row\">").append(escape(prompt.letter() + ". " + prompt.text())).append("</th><td>")
                            .append(percentage(prompt.percentage())).append("</td></tr>\n");
                }
                html.append("</tbody>\n</table>\n");
            }
        }
    }

    private static void prose(String text, String missing, StringBuilder html) {
        List<String> paragraphs = ReportDocument.paragraphs(text);
        if (paragraphs.isEmpty()) {
            html.append("<p>").append(missing).append("</p>\n");
        }
        paragraphs.forEach(p -> html.append("<p>").append(escape(p)).append("</p>\n"));
    }

    static String percentage(Integer percentage) {
        return percentage == null ? "not applicable" : percentage + "%";
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
