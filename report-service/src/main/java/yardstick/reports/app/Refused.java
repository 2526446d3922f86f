package yardstick.reports.app;

import java.util.List;

/**
 * Why a use case will not do what was asked, in the inspectorate's terms; the endpoint says it
 * with a status code. Each kind is one answer a caller can act on.
 */
public abstract sealed class Refused extends RuntimeException {

    private Refused(String message) {
        super(message, null, false, false);
    }

    /** One bad value in what was asked: the field's dotted path and what to do about it. */
    public record FieldProblem(String field, String description) {
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
    }

    /** The resource is not in a state that allows it: every rule broken, so that one answer says all that must change. */
    public static final class RulesBroken extends Refused {
        public final List<BrokenRule> rules;

        public RulesBroken(List<BrokenRule> rules) {
            super(rules.size() + " rules broken");
            this.rules = List.copyOf(rules);
        }

        public RulesBroken(BrokenRule rule) {
            this(List.of(rule));
        }
    }

    /** There is one already. */
    public static final class AlreadyExists extends Refused {
        public AlreadyExists(String message) {
            super(message);
        }
    }

    /** The caller may not reach this resource. */
    public static final class NotTheirs extends Refused {
        public NotTheirs(String message) {
            super(message);
        }
    }
}
