package yardstick.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
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
        assertEquals("ETAG", Authoring.refusal(3, true, true, "\"2\"", "").orElseThrow().type());
        assertEquals("ETAG", Authoring.refusal(3, false, false, "", "a note on a draft never published").orElseThrow().type());
    }

    @Test
    void aPublishedVersionIsOnlyChangedByACorrectionThatSaysWhatItChanges() {
        assertEquals("PUBLISHED", Authoring.refusal(2, true, true, "\"2\"", " ").orElseThrow().type());
        assertTrue(Authoring.refusal(2, true, true, "\"2\"", "the caseload table was for the wrong year").isEmpty());
        assertTrue(Authoring.refusal(2, false, false, "\"2\"", "").isEmpty());
        assertEquals("NOT_PUBLISHED", Authoring.refusal(2, false, false, "\"2\"", "nothing to correct").orElseThrow().type());
    }

    @Test
    void aCorrectionBeingWrittenKeepsItsNoteUntilItIsPublished() {
        // Editing the unpublished correction again: no note given keeps the note it has; a new one replaces it.
        assertTrue(Authoring.refusal(3, false, true, "\"3\"", "").isEmpty());
        assertEquals("background added", Authoring.nextCorrectionNote(false, "background added", ""));
        assertEquals("background and 2.1 narrative", Authoring.nextCorrectionNote(false, "background added", "background and 2.1 narrative"));
        assertEquals("new correction", Authoring.nextCorrectionNote(true, "the old correction", "new correction"));
        assertEquals("", Authoring.nextCorrectionNote(false, "", ""));
    }

    @Test
    void aCorrectionStaysUnderEmbargoAtLeastAsLongAsWhatItCorrects() {
        java.time.Instant friday = java.time.Instant.parse("2021-10-15T09:00:00Z");
        java.time.Instant thursday = friday.minusSeconds(86_400);
        assertEquals("EMBARGO", Authoring.embargoRefusal(java.util.Optional.of(friday), java.util.Optional.empty(), thursday).orElseThrow().type());
        assertEquals("EMBARGO", Authoring.embargoRefusal(java.util.Optional.of(friday),
                java.util.Optional.of(friday.minusSeconds(1)), thursday).orElseThrow().type());
        assertTrue(Authoring.embargoRefusal(java.util.Optional.of(friday), java.util.Optional.of(friday), thursday).isEmpty());
        assertTrue(Authoring.embargoRefusal(java.util.Optional.empty(), java.util.Optional.empty(), thursday).isEmpty());
        assertTrue(Authoring.embargoRefusal(java.util.Optional.of(thursday), java.util.Optional.empty(), friday).isEmpty(),
                "an embargo that has ended holds nothing back");
    }

    @Test
    void aReportIsPublishedOnlyWithItsSummaryAndRecommendations() {
        assertEquals(List.of("EXECUTIVE_SUMMARY", "RECOMMENDATIONS"),
                Authoring.unpublishable(" ", List.of()).stream().map(Authoring.Refusal::type).toList());
        assertTrue(Authoring.unpublishable("Summary.", List.of(new Authoring.Recommendation(1, "the board", "meet"))).isEmpty());
    }

    @Test
    void thePublisherIsNotTheAuthorOfTheVersionAndItsRatingsAreTheLatest() {
        assertEquals("FOUR_EYES", Authoring.fourEyes(3, "publisher-1", "publisher-1").orElseThrow().type());
        assertEquals(Optional.empty(), Authoring.fourEyes(3, "lead-inspector-1", "publisher-1"));
        String stale = Authoring.staleRatings("inspections/k/ratingSnapshots/1", Optional.of("inspections/k/ratingSnapshots/2"))
                .orElseThrow().description();
        assertTrue(stale.contains("ratingSnapshots/1") && stale.contains("ratingSnapshots/2"), stale);
        assertEquals(Optional.empty(), Authoring.staleRatings("inspections/k/ratingSnapshots/2", Optional.of("inspections/k/ratingSnapshots/2")));
    }
}
