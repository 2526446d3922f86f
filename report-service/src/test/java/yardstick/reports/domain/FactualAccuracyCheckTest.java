package yardstick.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactualAccuracyCheckTest {

    private static final Instant SENT = Instant.parse("2021-08-02T09:00:00Z");
    private static final Instant DEADLINE = SENT.plus(Duration.ofDays(10));
    private static final Instant BEFORE = SENT.plus(Duration.ofDays(3));

    private static FactualAccuracyCheck.Comment comment(int number, Optional<FactualAccuracyCheck.Answer> answer) {
        return new FactualAccuracyCheck.Comment(number, "2.1", "a fact", "inspected-service-1", SENT, answer, "",
                answer.map(a -> "lead-inspector-1"), answer.map(a -> BEFORE));
    }

    private static FactualAccuracyCheck check(boolean returned, FactualAccuracyCheck.Comment... comments) {
        return new FactualAccuracyCheck(2, DEADLINE, "lead-inspector-1", SENT, returned ? Optional.of("inspected-service-1") : Optional.empty(),
                returned ? Optional.of(BEFORE) : Optional.empty(), List.of(comments));
    }

    @Test
    void aReportNeverSentForItsCheckIsNotPublished() {
        assertEquals("FACTUAL_ACCURACY", FactualAccuracyCheck.publicationRefusal(Optional.empty(), BEFORE).orElseThrow().type());
    }

    @Test
    void beforeTheDeadlinePublicationWaitsForTheServiceToReturnItsCheckAndForEveryCommentToBeAnswered() {
        FactualAccuracyCheck.Comment unanswered = comment(1, Optional.empty());
        FactualAccuracyCheck.Comment answered = comment(2, Optional.of(FactualAccuracyCheck.Answer.ACCEPTED));
        assertFalse(check(false).complete(BEFORE), "the service has not said it has finished");
        assertFalse(check(true, answered, unanswered).complete(BEFORE), "a comment is not answered");
        assertTrue(check(true, answered).complete(BEFORE));
        assertTrue(FactualAccuracyCheck.publicationRefusal(Optional.of(check(true, answered, unanswered)), BEFORE).orElseThrow()
                .description().startsWith("1 of the service's factual-accuracy comments is not answered"));
    }

    @Test
    void atItsDeadlineTheCheckNoLongerHoldsPublicationBackAndTakesNoComment() {
        FactualAccuracyCheck silent = check(false, comment(1, Optional.empty()));
        assertTrue(silent.complete(DEADLINE));
        assertEquals(Optional.empty(), FactualAccuracyCheck.publicationRefusal(Optional.of(silent), DEADLINE));
        assertEquals("CHECK_CLOSED", silent.closed(DEADLINE).orElseThrow().type());
        assertEquals(Optional.empty(), silent.closed(BEFORE));
        assertEquals("CHECK_CLOSED", check(true).closed(BEFORE).orElseThrow().type(), "a returned check is closed too");
    }

    @Test
    void aCommentNamesASectionOfTheReportAndADeclineSaysWhy() {
        assertEquals(List.of("section", "text"), FactualAccuracyCheck.commentProblems("9.9", " ", Set.of("2.1")).stream()
                .map(Authoring.FieldProblem::field).toList());
        assertEquals(List.of(), FactualAccuracyCheck.commentProblems("background", "a fact", Set.of("2.1")));
        assertEquals(List.of("reason"), FactualAccuracyCheck.answerProblems(Optional.of(FactualAccuracyCheck.Answer.DECLINED), "")
                .stream().map(Authoring.FieldProblem::field).toList());
        assertEquals(List.of("answer"), FactualAccuracyCheck.answerProblems(Optional.empty(), "").stream()
                .map(Authoring.FieldProblem::field).toList());
    }
}
