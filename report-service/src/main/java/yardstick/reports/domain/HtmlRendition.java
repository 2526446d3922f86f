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
            .govuk-table__cell--numeric,.govuk-table__header--numeric{text-align:right}
            .govuk-tag{display:inline-block;padding:2px 8px;font-weight:bold;border-radius:0}
            .govuk-tag--green{background:#cce2d8;color:#005a30}.govuk-tag--turquoise{background:#d4ecea;color:#10403c}
            .govuk-tag--yellow{background:#fff7bf;color:#594d00}.govuk-tag--red{background:#f4cdc6;color:#942514}
            nav.contents ol{padding-left:1.5rem}
            @media print{.back-to-top{display:none}}
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
                .append("<body>\n<main id=\"main-content\" class=\"govuk-main-wrapper\">\n")
                .append(article(report))
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * The report itself, from its title to Annexe 2, in GOV.UK Frontend's markup: a contents list
     * linking every section, "Back to top" after each, every rating in words. The rendition and the
     * portal's report page both show it.
     */
    public static String article(ReportDocument report) {
        StringBuilder html = new StringBuilder(64_000);
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
                html.append("<h2 id=\"domain-").append(domain).append("\">").append(domain).append(". ")
                        .append(escape(section.domainName())).append("</h2>\n");
            }
            standard(section, html);
        }
        methodology(report, html);
        annexeTwo(report, html);
        return "<h1 class=\"govuk-heading-xl\" id=\"top\">" + escape(report.title()) + "</h1>\n" + withContents(html.toString());
    }

    private static final java.util.regex.Pattern SECTION = java.util.regex.Pattern.compile("<h([23]) id=\"([^\"]+)\">(.*?)</h\\1>");
    // A title on each link: PDF/UA asks every link of the PDF for a description.
    private static final String BACK_TO_TOP = "<p class=\"govuk-body back-to-top\"><a class=\"govuk-link\" href=\"#contents\" "
            + "title=\"Back to the contents\">Back to top</a></p>\n";

    /**
     * The sections' headings given GOV.UK's classes, a contents list linking every one of them (the
     * standards under their domain) put before the first, and a "Back to top" link closing each
     * top-level section.
     */
    private static String withContents(String sections) {
        StringBuilder contents = new StringBuilder("<nav class=\"contents\" aria-labelledby=\"contents\">\n")
                .append("<h2 class=\"govuk-heading-m\" id=\"contents\">Contents</h2>\n<ol class=\"govuk-list govuk-list--number\">\n");
        StringBuilder body = new StringBuilder(sections.length() + 4_000);
        java.util.regex.Matcher heading = SECTION.matcher(sections);
        int from = 0;
        boolean firstSection = true;
        boolean inSubList = false;
        while (heading.find()) {
            boolean top = heading.group(1).equals("2");
            if (top) {
                if (inSubList) {
                    contents.append("</ol></li>\n");
                    inSubList = false;
                } else if (!firstSection) {
                    contents.append("</li>\n");
                }
            } else if (!inSubList) {
                contents.append("\n<ol class=\"govuk-list\">\n");
                inSubList = true;
            }
            String link = "<a class=\"govuk-link\" href=\"#" + heading.group(2) + "\" title=\"" + heading.group(3).replaceAll("<[^>]*>", "")
                    + "\">" + heading.group(3) + "</a>";
            contents.append(top ? "<li>" + link : "<li>" + link + "</li>\n");
            body.append(sections, from, heading.start());
            if (top && !firstSection) {
                body.append(BACK_TO_TOP);
            }
            body.append("<h").append(heading.group(1)).append(" class=\"").append(top ? "govuk-heading-l" : "govuk-heading-m")
                    .append("\" id=\"").append(heading.group(2)).append("\">").append(heading.group(3)).append("</h").append(heading.group(1)).append(">");
            from = heading.end();
            if (top) {
                firstSection = false;
            }
        }
        body.append(sections.substring(from)).append(BACK_TO_TOP);
        contents.append(inSubList ? "</ol></li>\n" : "</li>\n").append("</ol>\n</nav>\n");
        int firstHeading = body.indexOf("<h2 ");
        return firstHeading < 0 ? contents + body.toString() : body.substring(0, firstHeading) + contents + body.substring(firstHeading);
    }

    /** A rating in words, in a tag whose colour adds to the words (never replaces them). */
    public static String ratingTag(String rating) {
        String colour = switch (rating) {
            case "Outstanding" -> "green";
            case "Good" -> "turquoise";
            case "Requires improvement" -> "yellow";
            case "Inadequate" -> "red";
            default -> "grey";
        };
        return "<span class=\"govuk-tag govuk-tag--" + colour + "\">" + escape(rating) + "</span>";
    }

    private static String description(ReportDocument report) {
        return "Inspection report on " + report.serviceInspected() + ": ratings, findings, recommendations and methodology";
    }

    private static void status(ReportDocument report, StringBuilder html) {
        ReportDocument.Status status = report.status();
        if (status.published()) {
            html.append("<p class=\"govuk-inset-text status\">Published: version ").append(status.version()).append(".");
        } else {
            html.append("<p class=\"govuk-inset-text status draft\">Draft, version ").append(status.version()).append(", not published.");
        }
        html.append("</p>\n");
        if (!status.correctionNote().isEmpty()) {
            html.append("<p class=\"govuk-inset-text status\"><strong>Correction:</strong> ").append(escape(status.correctionNote())).append("</p>\n");
        }
    }

    private static void ratings(ReportDocument report, StringBuilder html) {
        html.append("<h2 id=\"ratings\">Ratings</h2>\n<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">Ratings of ").append(escape(report.serviceInspected()))
                .append("</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Standard</th><th scope=\"col\" class=\"govuk-table__header\">Rating</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        for (ReportDocument.RatingRow row : report.ratings()) {
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(escape(row.standard() + " " + row.name())).append("</th><td class=\"govuk-table__cell\">")
                    .append(ratingTag(row.rating())).append("</td></tr>\n");
        }
        html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">Overall</th><td class=\"govuk-table__cell\">").append(report.score()).append("/").append(report.maximumScore())
                .append(": ").append(ratingTag(report.overall())).append("</td></tr>\n</tbody>\n</table>\n");
        if (!report.resettlement().isEmpty()) {
            html.append("<p class=\"govuk-body\">Resettlement, rated separately: ").append(escape(report.resettlement())).append("</p>\n");
        }
        for (ReportDocument.RatingRow standard : report.notRated()) {
            html.append("<p class=\"govuk-body\">").append(escape(ReportDocument.notRatedBecause(standard))).append("</p>\n");
        }
    }

    /** Recommendations numbered through, grouped under whom they are addressed to, as the reports set them out. */
    private static void recommendations(ReportDocument report, StringBuilder html) {
        html.append("<h2 id=\"recommendations\">Recommendations</h2>\n");
        if (report.recommendations().isEmpty()) {
            html.append("<p class=\"govuk-body\">The recommendations are not written yet.</p>\n");
            return;
        }
        String addressedTo = null;
        for (ReportDocument.Recommendation recommendation : report.recommendations()) {
            if (!recommendation.addressedTo().equals(addressedTo)) {
                if (addressedTo != null) {
                    html.append("</ol>\n");
                }
                addressedTo = recommendation.addressedTo();
                html.append("<p class=\"govuk-body\">").append(escape(Words.capitalised(addressedTo))).append(" should make sure that:</p>\n<ol class=\"govuk-list govuk-list--number\" start=\"")
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
                .append("<p class=\"govuk-body\">The make-up of the eligible population the sample was drawn from, as case-service records it.</p>\n");
        String classification = null;
        for (ContextualFacts.Fact fact : report.contextualFacts()) {
            if (!fact.classification().equals(classification)) {
                if (classification != null) {
                    html.append("</tbody>\n</table>\n");
                }
                classification = fact.classification();
                String name = ReportDocument.classificationName(classification);
                html.append("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">The eligible population by ").append(name).append("</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">")
                        .append(escape(Words.capitalised(name))).append("</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Cases</th>")
                        .append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">%</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
            }
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(escape(fact.category())).append("</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">").append(fact.count())
                    .append("</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">").append(fact.percentage()).append("%</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void standard(ReportDocument.Section section, StringBuilder html) {
        html.append("<h3 id=\"standard-").append(anchor(section.standard())).append("\">").append(escape(section.standard() + " " + section.name()))
                .append("</h3>\n")
                .append("<p class=\"govuk-body\">Rating: ").append(ratingTag(section.rating())).append("</p>\n");
        if (section.caseBased()) {
            html.append("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">Key questions of ").append(escape(section.standard() + " " + section.name()))
                    .append(": percentage of cases judged yes</caption>\n")
                    .append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Key question</th><th scope=\"col\" class=\"govuk-table__header\">% yes</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
            for (ReportDocument.KeyQuestionRow row : section.keyQuestions()) {
                String percentage = percentage(row.percentage());
                html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(escape(row.text())).append("</th><td class=\"govuk-table__cell\">")
                        .append(row.lowest() ? "<strong>" + percentage + "</strong>" : percentage).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
            if (!section.discretionNote().isEmpty()) {
                html.append("<p class=\"govuk-body\">").append(escape(section.discretionNote())).append("</p>\n");
            }
        } else {
            if (!section.questions().isEmpty()) {
                html.append("<p class=\"govuk-body\">Judged against the key questions:</p>\n<ul class=\"govuk-list govuk-list--bullet\">\n");
                section.questions().forEach(q -> html.append("<li>").append(escape(q)).append("</li>\n"));
                html.append("</ul>\n");
            }
            if (!section.rationale().isEmpty()) {
                html.append("<p class=\"govuk-body\">").append(escape(section.rationale())).append("</p>\n");
            }
        }
        for (String paragraph : ReportDocument.paragraphs(section.narrative())) {
            html.append("<p class=\"govuk-body\">").append(escape(paragraph)).append("</p>\n");
        }
    }

    private static void methodology(ReportDocument report, StringBuilder html) {
        html.append("<h2 id=\"annexe-1\">Annexe 1: Methodology</h2>\n<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">How the cases were sampled</caption>\n")
                .append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Cases</th><th scope=\"col\" class=\"govuk-table__header\">Eligible</th><th scope=\"col\" class=\"govuk-table__header\">Sampled</th>")
                .append("<th scope=\"col\" class=\"govuk-table__header\">Confidence</th><th scope=\"col\" class=\"govuk-table__header\">Margin of error</th><th scope=\"col\" class=\"govuk-table__header\">Recent share</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        for (ReportDocument.SampleFacts facts : report.methodology()) {
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(escape(facts.category())).append("</th><td class=\"govuk-table__cell\">").append(facts.population())
                    .append("</td><td class=\"govuk-table__cell\">").append(facts.size()).append("</td><td class=\"govuk-table__cell\">").append(facts.confidencePercent()).append("%</td><td class=\"govuk-table__cell\">")
                    .append(String.format(Locale.ROOT, "%.1f", facts.marginAchieved())).append(" (planned ")
                    .append(String.format(Locale.ROOT, "%.0f", facts.marginOfError() * 100)).append(")</td><td class=\"govuk-table__cell\">")
                    .append(facts.recentSharePercent()).append("% from ").append(facts.recentFromMonths()).append(" to ")
                    .append(facts.recentToMonths()).append(" months before fieldwork</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        html.append("<p class=\"govuk-body\">Each sample's categories were drawn in proportion to the eligible population by gender, disposal type, ")
                .append("risk of serious harm and safety and wellbeing classification.</p>\n");
        for (ReportDocument.SampleFacts facts : report.methodology()) {
            if (!facts.drawStatement().isEmpty()) {
                html.append("<p class=\"govuk-body\">").append(escape(facts.drawStatement())).append("</p>\n");
            }
        }
        if (!report.subSamples().isEmpty()) {
            html.append("<h3 id=\"sub-samples\">Sub-samples</h3>\n<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">Key questions judged in a sub-sample, ")
                    .append("and the margin of error of their findings</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Key question</th>")
                    .append("<th scope=\"col\" class=\"govuk-table__header\">Cases</th><th scope=\"col\" class=\"govuk-table__header\">Margin of error</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
            for (ReportDocument.SubSample sub : report.subSamples()) {
                html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(escape(sub.standard() + " " + sub.text())).append("</th><td class=\"govuk-table__cell\">").append(sub.cases())
                        .append(" of ").append(sub.sampleSize()).append("</td><td class=\"govuk-table__cell\">")
                        .append(String.format(Locale.ROOT, "%.1f", sub.marginOfError())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("<h3 id=\"discretion\">Professional discretion</h3>\n");
        if (report.discretionApplied().isEmpty()) {
            html.append("<p class=\"govuk-body\">The ratings panel did not use professional discretion.</p>\n");
        } else {
            html.append("<ul class=\"govuk-list govuk-list--bullet\">\n");
            for (ReportDocument.Section section : report.discretionApplied()) {
                html.append("<li>").append(escape(section.standard() + " " + section.name() + ": " + section.discretionNote())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
    }

    private static void annexeTwo(ReportDocument report, StringBuilder html) {
        html.append("<h2 id=\"annexe-2\">Annexe 2: Inspection data</h2>\n")
                .append("<p class=\"govuk-body\">The percentage of cases judged yes for each key question, and for each prompt of the cases that answered it.</p>\n");
        for (ReportDocument.Section section : report.sections()) {
            if (!section.caseBased()) {
                continue;
            }
            html.append("<h3 id=\"annexe-2-standard-").append(anchor(section.standard())).append("\">")
                    .append(escape(section.standard() + " " + section.name())).append(": key questions and prompts</h3>\n");
            for (ReportDocument.KeyQuestionRow row : section.keyQuestions()) {
                html.append("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">").append(escape(row.id() + " " + row.text())).append("</caption>\n")
                        .append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Question</th><th scope=\"col\" class=\"govuk-table__header\">% yes</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n")
                        .append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\"><strong>").append(escape(row.text())).append("</strong></th><td class=\"govuk-table__cell\"><strong>")
                        .append(percentage(row.percentage())).append("</strong></td></tr>\n");
                for (ReportDocument.PromptRow prompt : row.prompts()) {
                    html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(escape(prompt.letter() + ". " + prompt.text())).append("</th><td class=\"govuk-table__cell\">")
                            .append(percentage(prompt.percentage())).append("</td></tr>\n");
                }
                html.append("</tbody>\n</table>\n");
            }
        }
    }

    private static void prose(String text, String missing, StringBuilder html) {
        List<String> paragraphs = ReportDocument.paragraphs(text);
        if (paragraphs.isEmpty()) {
            html.append("<p class=\"govuk-body\">").append(missing).append("</p>\n");
        }
        paragraphs.forEach(p -> html.append("<p class=\"govuk-body\">").append(escape(p)).append("</p>\n"));
    }

    /** A standard's number as an anchor: "2.1" is "2-1". */
    private static String anchor(String standard) {
        return standard.replaceAll("[^A-Za-z0-9]+", "-");
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
