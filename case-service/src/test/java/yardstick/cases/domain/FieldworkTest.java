package yardstick.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldworkTest {

    private static CaseProgress progress(String reference, String inspector, boolean started, boolean submitted, boolean returned,
                                         boolean picked, String confirmedBy) {
        return new CaseProgress(reference, inspector, started, submitted, returned, submitted ? inspector : null, picked, false, confirmedBy,
                confirmedBy == null ? null : Instant.EPOCH);
    }

    @Test
    void eachInspectorsWorkloadCountsTheirCasesByWhereTheyStand() {
        List<CaseProgress> cases = List.of(
                progress("A", "inspector-1", false, false, false, false, null),
                progress("B", "inspector-1", true, false, true, true, null),
                progress("C", "inspector-1", true, true, false, false, null),
                progress("D", "inspector-2", true, true, false, true, "inspector-1"),
                progress("E", null, false, false, false, false, null));
        assertEquals(List.of(new Fieldwork.Workload("inspector-1", 3, 1, 1, 1, 1), new Fieldwork.Workload("inspector-2", 1, 0, 0, 1, 0)),
                Fieldwork.workloads(cases));
        assertEquals(1, Fieldwork.unassigned(cases));
    }

    @Test
    void ratingWaitsForEverySubmissionTheDrawnShareAndEveryConfirmation() {
        List<CaseProgress> unfinished = List.of(
                progress("A", "inspector-1", true, false, false, false, null),
                progress("B", "inspector-1", true, true, false, true, null));
        assertEquals(List.of("NOT_SUBMITTED", "MODERATION_NOT_DRAWN", "NOT_MODERATED"),
                Fieldwork.unfinishedBeforeRating(unfinished, false).stream().map(Fieldwork.Unfinished::type).toList());
        List<CaseProgress> done = List.of(
                progress("A", "inspector-1", true, true, false, false, null),
                progress("B", "inspector-1", true, true, false, true, "inspector-2"));
        assertTrue(Fieldwork.unfinishedBeforeRating(done, true).isEmpty());
    }

    @Test
    void aCasesOwnInspectorIsTheOneItIsAssignedToOrWhoSubmittedIt() {
        CaseProgress c = new CaseProgress("A", "inspector-1", true, true, false, "inspector-3", true, false, null, null);
        assertTrue(c.ownInspector("inspector-1"));
        assertTrue(c.ownInspector("inspector-3"));
        assertFalse(c.ownInspector("inspector-2"));
        assertEquals(CaseProgress.ModerationStatus.AWAITING_READER, c.moderation());
    }
}
