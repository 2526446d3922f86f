package yardstick.cases.app;

import java.util.List;
import yardstick.cases.domain.FieldProblem;

/**
 * Why a use case will not do what was asked, in the inspectorate's terms; the endpoint says it
 * with a status code. Each kind is one answer a caller can act on.
 */
public abstract sealed class Refused extends RuntimeException {

    private Refused(String message) {
        super(message, null, false, false);
    }

    /** One broken rule: its type (for example "ETAG"), the resource it concerns and what is wrong. */
    public record BrokenRule(String type, String subject, String description) {
    }

    /** The resource named does not exist. */
    public static final class NotFound extends Refused {
        public final String name;

        public NotFound(String name) {
            super(name + " does not exist");
            this.name = name;
        }
    }

    /** What was asked is malformed: every bad field at once. */
    public static final class BadRequest extends Refused {
        public final List<FieldProblem> problems;

        public BadRequest(List<FieldProblem> problems) {
            super(problems.size() + " bad fields");
            this.problems = List.copyOf(problems);
        }

        public BadRequest(String field, String description) {
            this(List.of(new FieldProblem(field, description)));
        }

        /** Refuses these problems, if there are any. */
        public static void refuse(List<FieldProblem> problems) {
            if (!problems.isEmpty()) {
                throw new BadRequest(problems);
            }
        }
    }

    /** The resource is not in a state that allows it. */
    public static final class RuleBroken extends Refused {
        public final BrokenRule rule;

        public RuleBroken(String type, String subject, String description) {
            super(description);
            this.rule = new BrokenRule(type, subject, description);
        }
    }

    /** The caller may not reach this resource; the message says who may. */
    public static final class NotPermitted extends Refused {
        public NotPermitted(String reason) {
            super(reason);
        }
    }
}
