package yardstick.reports.domain;

import java.util.List;

/** The portal's front page: the published reports, newest first, each in HTML, PDF, Markdown and JSON. */
public final class PublishedReportsPage {

    /**
     * A published report: the service inspected, the date published, the address its renditions
     * sit under, and the address of the service's improvement plan's renditions once it has submitted one.
     */
    public record Entry(String serviceInspected, String published, String base, java.util.Optional<String> plan) {
    }

    private PublishedReportsPage() {
    }

    public static String render(List<Entry> entries) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Published inspection reports</title>\n")
                .append("<style>body{font-family:Arial,sans-serif;color:#0b0c0c;margin:0}main{max-width:960px;margin:0 auto;padding:20px}")
                .append("a{color:#1d70b8}table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:bold}")
                .append("th,td{border-bottom:1px solid #b1b4b6;padding:.5rem;text-align:left}")
                .append(".visually-hidden{position:absolute;width:1px;height:1px;margin:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>Published inspection reports</h1>\n");
        if (entries.isEmpty()) {
            html.append("<p>No report is published yet.</p>\n");
        } else {
            html.append("<table>\n<caption>Reports, newest first</caption>\n<thead><tr><th scope=\"col\">Service inspected</th>")
                    .append("<th scope=\"col\">Published</th><th scope=\"col\">Read it</th><th scope=\"col\">Improvement plan</th></tr>")
                    .append("</thead>\n<tbody>\n");
            for (Entry entry : entries) {
                String service = HtmlRendition.escape(entry.serviceInspected());
                html.append("<tr><th scope=\"row\">").append(service).append("</th><td>").append(entry.published()).append("</td><td>")
                        .append("<a href=\"").append(entry.base()).append("html\">HTML<span class=\"visually-hidden\"> report on ")
                        .append(service).append("</span></a>, <a href=\"").append(entry.base()).append("pdf\">PDF</a>, ")
                        .append("<a href=\"").append(entry.base()).append("md\">Markdown</a>, ")
                        .append("<a href=\"").append(entry.base()).append("json\">JSON</a></td><td>")
                        .append(entry.plan().map(plan -> "<a href=\"" + plan + "html\">HTML<span class=\"visually-hidden\"> improvement plan of "
                                + service + "</span></a>, <a href=\"" + plan + "pdf\">PDF</a>").orElse("not yet submitted"))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        return html.append("<p>Open data: <a href=\"/api/v1/ratings.csv\">ratings (CSV)</a>, <a href=\"/api/v1/ratings.json\">ratings (JSON)</a>; ")
                .append("<a href=\"/api/v1/openapi.yaml\">API description (OpenAPI)</a>.</p>\n</main>\n</body>\n</html>\n").toString();
    }
}
