package yardstick.reports.plans;

import java.time.LocalDate;
import java.util.stream.Collectors;
import yardstick.reports.domain.HtmlRendition;

/**
 * The plan as an accessible HTML document, by the report rendition's conventions (en-GB, one h1,
 * headings in order, tables with captions and header cells, high contrast): the progress against
 * each recommendation, then each objective with its outcomes and its actions in the plan's order.
 * Owners appear as roles only: display names stay out of every rendition.
 */
public final class PlanHtmlRendition {

    private static final String STYLE = """
            @page{size:A4 landscape;margin:14mm 12mm;@bottom-center{content:"Page " counter(page) " of " counter(pages);font-family:'Liberation Sans',Arial,sans-serif;font-size:9pt}}
            body{font-family:'Liberation Sans',Arial,sans-serif;color:#0b0c0c;background:#fff;margin:0;line-height:1.4}
            main{max-width:1100px;margin:0 auto;padding:20px}
            h1{font-size:2rem}h2{font-size:1.5rem;margin-top:2rem}h3{font-size:1.2rem}
            table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
            caption{text-align:left;font-weight:bold;margin-bottom:.5rem}
            th,td{border-bottom:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}
            .draft{background:#fff7bf;border-left:5px solid #0b0c0c;padding:.75rem}
            """;

    private PlanHtmlRendition() {
    }

    public static String render(ImprovementPlan plan, LocalDate today) {
        return render(plan, today, java.util.List.of());
    }

    /** The plan, then its history as a timeline, oldest change first. */
    public static String render(ImprovementPlan plan, LocalDate today, java.util.List<PlanChange> history) {
        StringBuilder html = new StringBuilder(32_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // PDF/UA asks for a document description; openhtmltopdf takes it (and the PDF's subject) from these.
                .append("<meta name=\"description\" content=\"").append(e("Improvement plan of " + plan.serviceInspected()
                        + " in answer to its inspection report")).append("\">\n")
                .append("<meta name=\"subject\" content=\"").append(e("Improvement plan of " + plan.serviceInspected()
                        + " in answer to its inspection report")).append("\">\n")
                .append("<title>").append(e(plan.title())).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<main id=\"main-content\">\n")
                .append("<h1>").append(e(plan.title())).append("</h1>\n");
        if (plan.state() == PlanState.DRAFT) {
            html.append("<p class=\"draft\">Draft: not yet submitted.</p>\n");
        }
        html.append("<p>The improvement plan of ").append(e(plan.serviceInspected())).append(" in answer to the inspection report's ")
                .append(plan.recommendations().size()).append(" recommendations. Progress as at ")
                .append(e(PlanDate.of(today).label())).append(".</p>\n");
        if (!plan.oversight().isEmpty()) {
            html.append("<p>").append(e(plan.oversight())).append("</p>\n");
        }

        html.append("<h2 id=\"recommendations\">Recommendations and progress</h2>\n<table>\n")
                .append("<caption>Progress against each recommendation</caption>\n<thead><tr><th scope=\"col\">Recommendation</th>")
                .append("<th scope=\"col\">Objectives</th><th scope=\"col\">Actions complete</th><th scope=\"col\">Overdue</th></tr></thead>\n<tbody>\n");
        for (Recommendation recommendation : plan.recommendations()) {
            Progress progress = Progress.ofRecommendation(plan, recommendation.number(), today);
            String objectives = plan.objectives().stream().filter(o -> o.recommendations().contains(recommendation.number()))
                    .map(o -> String.valueOf(o.number())).collect(Collectors.joining(", "));
            html.append("<tr><th scope=\"row\">").append(recommendation.number()).append(". ").append(e(recommendation.text()))
                    .append("</th><td>").append(objectives.isEmpty() ? "none" : objectives).append("</td><td>")
                    .append(progress.complete()).append(" of ").append(progress.total()).append("</td><td>")
                    .append(progress.overdue()).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");

        for (Objective objective : plan.objectives()) {
            Progress progress = Progress.ofObjective(objective, today);
            html.append("<h2 id=\"objective-").append(objective.number()).append("\">Objective ").append(objective.number()).append(": ")
                    .append(e(objective.title())).append("</h2>\n")
                    .append("<p>Answers recommendations ").append(objective.recommendations().stream().map(String::valueOf)
                            .collect(Collectors.joining(", "))).append(". Progress: ").append(e(progress.sentence())).append(".</p>\n");
            if (!objective.outcomes().isEmpty()) {
                html.append("<h3>Outcomes of objective ").append(objective.number()).append("</h3>\n<ul>\n");
                objective.outcomes().forEach(o -> html.append("<li>").append(e(o)).append("</li>\n"));
                html.append("</ul>\n");
            }
            html.append("<h3>Actions of objective ").append(objective.number()).append("</h3>\n<table>\n<caption>Actions of objective ")
                    .append(objective.number()).append(", in order</caption>\n<thead><tr><th scope=\"col\">Ref</th><th scope=\"col\">Action</th>")
                    .append("<th scope=\"col\">Answers</th><th scope=\"col\">Responsible officer</th><th scope=\"col\">Start</th>")
                    .append("<th scope=\"col\">Due</th><th scope=\"col\">Status</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n");
            for (PlanAction action : objective.actions()) {
                ActionContent content = action.content();
                html.append("<tr><th scope=\"row\">").append(content.reference().isEmpty() ? "(none)" : e(content.reference()))
                        .append("</th><td>").append(e(content.text())).append("</td><td>")
                        .append(content.recommendations().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                        .append("</td><td>").append(e(content.ownerRole())).append("</td><td>")
                        .append(content.start().map(d -> e(d.label())).orElse("not set")).append("</td><td>")
                        .append(content.due().map(d -> e(d.label())).orElse("not set")).append("</td><td>")
                        .append(e(status(action, today))).append("</td><td>");
                if (action.evidence().isEmpty()) {
                    html.append("none yet");
                } else {
                    html.append("<ul>");
                    action.evidence().forEach(ev -> html.append("<li>").append(e(ev.date().label())).append(": ")
                            .append(e(ev.note())).append("</li>"));
                    html.append("</ul>");
                }
                html.append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        if (!history.isEmpty()) {
            html.append("<h2 id=\"history\">Changes to this plan</h2>\n<table>\n<caption>Every change to the plan, oldest first</caption>\n")
                    .append("<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">What</th></tr></thead>\n<tbody>\n");
            for (PlanChange change : history) {
                html.append("<tr><th scope=\"row\">").append(e(change.when())).append("</th><td>").append(e(change.actor())).append("</td><td>")
                        .append(e(change.subject() + ": " + change.description())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** "in progress, overdue" or "dropped: reason". */
    static String status(PlanAction action, LocalDate today) {
        String status = action.status().label();
        if (action.status() == ActionStatus.DROPPED) {
            status += ": " + action.droppedReason();
        }
        return action.overdueOn(today) ? status + ", overdue" : status;
    }

    private static String e(String text) {
        return HtmlRendition.escape(text);
    }
}
