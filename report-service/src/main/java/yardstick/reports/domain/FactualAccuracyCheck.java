package yardstick.reports.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inspected service's check of a draft for factual accuracy, before the report is first
 * published: the lead sends a version with a deadline; the service comments on its sections until
 * it returns the check or the deadline passes; the authors answer every comment. Publication waits
 * until the check is complete: returned with every comment answered, or past its deadline (after
 * which the service's silence, or an unanswered comment, no longer holds the report back).
 */
public record FactualAccuracyCheck(int reportVersion, Instant deadline, String sentBy, Instant sendTime,
                                   Optional<String> returnedBy, Optional<Instant> returnTime, List<Comment> comments) {

    /** The parts of a report a comment may name besides its standards, as the contract names them. */
    public static final Set<String> PARTS = Set.of("ratings_table", "executive_summary", "background", "recommendations",
            "contextual_facts", "methodology");

    public static final int MAX_TEXT = Authoring.MAX_TEXT;

    public enum Answer { ACCEPTED, DECLINED }

    /** A comment on a section, numbered from 1, and the authors' answer once given. */
    public record Comment(int number, String section, String text, String commentedBy, Instant commentTime, Optional<Answer> answer,
                          String reason, Optional<String> answeredBy, Optional<Instant> answerTime) {

        public boolean answered() {
            return answer.isPresent();
        }
    }

    public FactualAccuracyCheck {
        comments = List.copyOf(comments);
    }

    public boolean returned() {
        return returnedBy.isPresent();
    }

    public boolean pastDeadline(Instant now) {
        return !now.isBefore(deadline);
    }

    public long unanswered() {
        return comments.stream().filter(c -> !c.answered()).count();
    }

    /** Whether publication need wait for it no longer. */
    public boolean complete(Instant now) {
        return pastDeadline(now) || (returned() && unanswered() == 0);
    }

    /** Why the service may not comment, or return the check, at {@code now}: it is returned, or its deadline has passed. */
    public Optional<Authoring.Refusal> closed(Instant now) {
        if (returned()) {
            return Optional.of(new Authoring.Refusal("CHECK_CLOSED", "the service returned its check on " + returnTime.orElseThrow()
                    + "; it takes no more comments"));
        }
        if (pastDeadline(now)) {
            return Optional.of(new Authoring.Refusal("CHECK_CLOSED", "the check's deadline, " + deadline + ", has passed"));
        }
        return Optional.empty();
    }

    /** Why a report may not yet be published, given its check (empty if none was sent). */
    public static Optional<Authoring.Refusal> publicationRefusal(Optional<FactualAccuracyCheck> check, Instant now) {
        if (check.isEmpty()) {
            return Optional.of(new Authoring.Refusal("FACTUAL_ACCURACY", "the draft has not been sent to the inspected service for its "
                    + "factual-accuracy check: SendForFactualAccuracyCheck first"));
        }
        FactualAccuracyCheck sent = check.get();
        if (sent.complete(now)) {
            return Optional.empty();
        }
        long unanswered = sent.unanswered();
        String waiting = !sent.returned()
                ? "the inspected service has not returned its factual-accuracy check"
                : unanswered + " of the service's factual-accuracy comments " + (unanswered == 1 ? "is" : "are") + " not answered";
        if (!sent.returned() && unanswered > 0) {
            waiting += ", and " + unanswered + " of its comments " + (unanswered == 1 ? "is" : "are") + " not answered";
        }
        return Optional.of(new Authoring.Refusal("FACTUAL_ACCURACY", waiting + "; publication waits for that or for the check's deadline, "
                + sent.deadline()));
    }

    /** Problems with a comment on a report whose standards are {@code standards}. */
    public static List<Authoring.FieldProblem> commentProblems(String section, String text, Set<String> standards) {
        List<Authoring.FieldProblem> problems = new java.util.ArrayList<>();
        if (!standards.contains(section) && !PARTS.contains(section)) {
            problems.add(new Authoring.FieldProblem("section", "'" + section + "' is not a section of this report: a standard ("
                    + String.join(", ", standards.stream().sorted().toList()) + ") or one of "
                    + String.join(", ", PARTS.stream().sorted().toList())));
        }
        if (text.isBlank()) {
            problems.add(new Authoring.FieldProblem("text", "is required: what is inaccurate, and why"));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new Authoring.FieldProblem("text", "is " + text.length() + " characters; at most " + MAX_TEXT + " are kept"));
        }
        return problems;
    }

    /** Problems with an answer: a decline says why. */
    public static List<Authoring.FieldProblem> answerProblems(Optional<Answer> answer, String reason) {
        List<Authoring.FieldProblem> problems = new java.util.ArrayList<>();
        if (answer.isEmpty()) {
            problems.add(new Authoring.FieldProblem("answer", "is required: FACTUAL_ACCURACY_ANSWER_ACCEPTED or _DECLINED"));
        } else if (answer.get() == Answer.DECLINED && reason.isBlank()) {
            problems.add(new Authoring.FieldProblem("reason", "is required when a comment is declined: why the report stands as written"));
        }
        if (reason.length() > MAX_TEXT) {
            problems.add(new Authoring.FieldProblem("reason", "is " + reason.length() + " characters; at most " + MAX_TEXT + " are kept"));
        }
        return problems;
    }
}
