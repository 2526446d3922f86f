package yardstick.reports.plans;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanRenditionTest {

    private static final LocalDate TODAY = LocalDate.of(2022, 4, 1);

    private static ImprovementPlan plan() {
        ActionContent audit = new ActionContent("1.1", "Audit | oversight", List.of(1), "YJ Service Manager", "Pat Example",
                Optional.of(PlanDate.month(2021, 10)), Optional.of(new PlanDate(2022, 3, 31)));
        ActionContent panel = new ActionContent("", "Expert risk panel", List.of(2), "Head of Service", "",
                Optional.empty(), Optional.empty());
        ImprovementPlan plan = ImprovementPlan.draft("publications/p", "A Youth Justice Service", "Improvement plan <2022>",
                "Overseen by the management board.", List.of(new Recommendation(1, "the service", "oversight is consistent"),
                        new Recommendation(2, "the service", "risk is assessed")),
                List.of(new ImprovementPlan.ObjectiveContent("Oversight", List.of("Consistent oversight"), List.of(audit, panel))));
        plan = ((Decision.Accepted) plan.addEvidence(1, new Evidence(new PlanDate(2022, 2, 3), "Audit of 20 cases"))).plan();
        return ((Decision.Accepted) plan.changeStatus(2, ActionStatus.DROPPED, "merged into 1.1")).plan();
    }

    @Test
    void theHtmlShowsStatusOverdueEvidenceAndDroppedReasonsButNoDisplayName() {
        String html = PlanHtmlRendition.render(plan(), TODAY);
        assertTrue(html.contains("<html lang=\"en-GB\">"));
        assertTrue(html.contains("<h1>Improvement plan &lt;2022&gt;</h1>"), "escaped");
        assertTrue(html.contains("not started, overdue"), html);
        assertTrue(html.contains("3 February 2022: Audit of 20 cases"), html);
        assertTrue(html.contains("dropped: merged into 1.1"), html);
        assertTrue(html.contains("<th scope=\"row\">(none)</th>"), "an action without a reference still has a row header");
        assertTrue(html.contains("Draft: not yet submitted."));
        assertFalse(html.contains("Pat Example"), "roles only");
    }

    @Test
    void theMarkdownCarriesTheSameContentWithCellsEscaped() {
        String markdown = PlanMarkdownRendition.render(plan(), TODAY);
        assertTrue(markdown.contains("| 1.1 | Audit \\| oversight | 1 | YJ Service Manager | October 2021 | 31 March 2022 | not started, overdue |"),
                markdown);
        assertTrue(markdown.contains("Progress: 0 of 1 action complete, 1 overdue, 1 dropped."), markdown);
        assertFalse(markdown.contains("Pat Example"));
    }

    @Test
    void aSubmittedPlanIsNotMarkedDraft() {
        ActionContent both = new ActionContent("1.1", "Both", List.of(1, 2), "YJ Service Manager", "", Optional.empty(), Optional.empty());
        ImprovementPlan plan = ImprovementPlan.draft("publications/p", "S", "Plan", "", List.of(new Recommendation(1, "s", "a"),
                new Recommendation(2, "s", "b")), List.of(new ImprovementPlan.ObjectiveContent("O", List.of(), List.of(both))));
        ImprovementPlan submitted = assertInstanceOf(Decision.Accepted.class, plan.submit()).plan();
        assertFalse(PlanHtmlRendition.render(submitted, TODAY).contains("Draft"));
    }

    @Test
    void theHistoryReadsAsATimelineOfWhenWhoAndWhatInTheInspectoratesTime() {
        List<PlanChange> history = List.of(
                new PlanChange(1, java.time.Instant.parse("2021-10-04T08:30:00Z"), "YJ Service Manager", "plan", "created with 1 objective"),
                new PlanChange(2, java.time.Instant.parse("2022-01-10T15:05:00Z"), "Head of Service", "action 1.1", "display name erased"));
        String html = PlanHtmlRendition.render(plan(), TODAY, history);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        var rows = page.select("#history + table tbody tr");
        assertTrue(rows.size() == 2, html);
        assertTrue(rows.get(0).text().equals("4 October 2021, 09:30 YJ Service Manager plan: created with 1 objective"), rows.get(0).text());
        assertTrue(rows.get(1).text().equals("10 January 2022, 15:05 Head of Service action 1.1: display name erased"), rows.get(1).text());
        assertTrue(PlanMarkdownRendition.render(plan(), TODAY, history)
                .contains("| 10 January 2022, 15:05 | Head of Service | action 1.1: display name erased |"));
        assertFalse(PlanHtmlRendition.render(plan(), TODAY).contains("Changes to this plan"), "no history, no timeline");
    }
}
