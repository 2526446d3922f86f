package yardstick.reports.plans;

import java.time.LocalDate;
import yardstick.reports.domain.MarkdownText;
import java.util.stream.Collectors;

/** The plan in Markdown, for review: the same content and order as the HTML rendition, roles only. */
public final class PlanMarkdownRendition {

    private PlanMarkdownRendition() {
    }

    public static String render(ImprovementPlan plan, LocalDate today) {
        return render(plan, today, java.util.List.of());
    }

    /** The plan, then its history as a timeline, oldest change first. */
    public static String render(ImprovementPlan plan, LocalDate today, java.util.List<PlanChange> history) {
        StringBuilder md = new StringBuilder(24_000);
        md.append("# ").append(MarkdownText.inline(plan.title())).append("\n\n");
        if (plan.state() == PlanState.DRAFT) {
            md.append("> Draft: not yet submitted.\n\n");
        }
        md.append("The improvement plan of ").append(MarkdownText.inline(plan.serviceInspected())).append(" in answer to the inspection report's ")
                .append(plan.recommendations().size()).append(" recommendations. Progress as at ").append(PlanDate.of(today).label())
                .append(".\n\n");
        if (!plan.oversight().isEmpty()) {
            md.append(MarkdownText.inline(plan.oversight())).append("\n\n");
        }
        md.append("## Recommendations and progress\n\n| Recommendation | Objectives | Actions complete | Overdue |\n|---|---|---|---|\n");
        for (Recommendation recommendation : plan.recommendations()) {
            Progress progress = Progress.ofRecommendation(plan, recommendation.number(), today);
            String objectives = plan.objectives().stream().filter(o -> o.recommendations().contains(recommendation.number()))
                    .map(o -> String.valueOf(o.number())).collect(Collectors.joining(", "));
            md.append("| ").append(recommendation.number()).append(". ").append(cell(recommendation.text())).append(" | ")
                    .append(objectives.isEmpty() ? "none" : objectives).append(" | ").append(progress.complete()).append(" of ")
                    .append(progress.total()).append(" | ").append(progress.overdue()).append(" |\n");
        }
        for (Objective objective : plan.objectives()) {
            md.append("\n## Objective ").append(objective.number()).append(": ").append(MarkdownText.inline(objective.title())).append("\n\n")
                    .append("Answers recommendations ").append(objective.recommendations().stream().map(String::valueOf)
                            .collect(Collectors.joining(", "))).append(". Progress: ").append(Progress.ofObjective(objective, today).sentence())
                    .append(".\n\n");
            if (!objective.outcomes().isEmpty()) {
                md.append("### Outcomes of objective ").append(objective.number()).append("\n\n");
                objective.outcomes().forEach(o -> md.append("- ").append(MarkdownText.inline(o)).append('\n'));
                md.append('\n');
            }
            md.append("### Actions of objective ").append(objective.number()).append("\n\n")
                    .append("| Ref | Action | Answers | Responsible officer | Start | Due | Status | Evidence |\n|---|---|---|---|---|---|---|---|\n");
            for (PlanAction action : objective.actions()) {
                ActionContent content = action.content();
                md.append("| ").append(content.reference().isEmpty() ? "(none)" : cell(content.reference())).append(" | ")
                        .append(cell(content.text())).append(" | ")
                        .append(content.recommendations().stream().map(String::valueOf).collect(Collectors.joining(", "))).append(" | ")
                        .append(cell(content.ownerRole())).append(" | ").append(content.start().map(PlanDate::label).orElse("not set"))
                        .append(" | ").append(content.due().map(PlanDate::label).orElse("not set")).append(" | ")
                        .append(cell(PlanHtmlRendition.status(action, today))).append(" | ")
                        .append(action.evidence().isEmpty() ? "none yet" : cell(action.evidence().stream()
                                .map(ev -> ev.date().label() + ": " + ev.note()).collect(Collectors.joining("; "))))
                        .append(" |\n");
            }
        }
        if (!history.isEmpty()) {
            md.append("\n## Changes to this plan\n\n| When | Who | What |\n|---|---|---|\n");
            for (PlanChange change : history) {
                md.append("| ").append(change.when()).append(" | ").append(cell(change.actor())).append(" | ")
                        .append(cell(change.subject() + ": " + change.description())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return MarkdownText.cell(text);
    }
}
