package yardstick.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthoringTest {

    @Test
    void recommendationsAreNumberedInOrderAndEachIsAddressedAndWritten() {
        List<Authoring.FieldProblem> problems = Authoring.problems("", "", List.of(
                        new Authoring.Recommendation(1, "the service", "keep records"),
                        new Authoring.Recommendation(3, "", "")),
                List.of(), Set.of("2.1"), "HMI-0001");
        assertEquals(List.of("recommendations[1].number", "recommendations[1].addressed_to", "recommendations[1].text"),
                problems.stream().map(Authoring.FieldProblem::field).toList());
    }

    @Test
    void narrativesBelongToTheReportsStandardsOnceEachAndSomeoneMustSign() {
        List<Authoring.FieldProblem> problems = Authoring.problems("x".repeat(Authoring.MAX_TEXT + 1), "", List.of(),
                List.of(new Authoring.Narrative("2.1", "a"), new Authoring.Narrative("2.1", "b"), new Authoring.Narrative("9.9", "c")),
                Set.of("2.1", "2.2"), " ");
        assertEquals(List.of("updated_by", "executive_summary", "narratives[1].standard", "narratives[2].standard"),
                problems.stream().map(Authoring.FieldProblem::field).toList());
        assertTrue(problems.get(3).description().contains("[2.1, 2.2]"), problems.get(3).description());
    }

    @Test
    void aStaleEtagIsRefusedBeforeAnythingElse() {
        assertEquals("ETAG", Authoring.refusal(3, true, "\"2\"", "").orElseThrow().type());
        assertEquals("ETAG", Authoring.refusal(3, false, "", "").orElseThrow().type());
    }

    @Test
    void aPublishedVersionIsOnlyChangedByACorrectionThatSaysWhatItChanges() {
        assertEquals("PUBLISHED", Authoring.refusal(2, true, "\"2\"", " ").orElseThrow().type());
        assertTrue(Authoring.refusal(2, true, "\"2\"", "the caseload table was for the wrong year").isEmpty());
        assertTrue(Authoring.refusal(2, false, "\"2\"", "").isEmpty());
        assertEquals("correction_note", Authoring.misplacedCorrection(false, "nothing to correct").orElseThrow().field());
        assertTrue(Authoring.misplacedCorrection(true, "a correction").isEmpty());
    }

    @Test
    void aReportIsPublishedOnlyWithItsSummaryAndRecommendations() {
        assertEquals(List.of("EXECUTIVE_SUMMARY", "RECOMMENDATIONS"),
                Authoring.unpublishable(" ", List.of()).stream().map(Authoring.Refusal::type).toList());
        assertTrue(Authoring.unpublishable("Summary.", List.of(new Authoring.Recommendation(1, "the board", "meet"))).isEmpty());
    }
}
