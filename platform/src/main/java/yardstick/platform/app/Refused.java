package yardstick.platform.app;

import java.util.List;

/**
 * Why a use case will not do what was asked, in the inspectorate's terms; the endpoint says it
 * with a status code ({@code yardstick.platform.grpc.Refusals}). Each kind is one answer a caller
 * can act on. Plain Java, so that every service's use cases refuse alike.
 */
public abstract sealed class Refused extends RuntimeException {

    private Refused(String message) {
        // An answer to the caller, not a fault: no stack trace to fill in.
        super(message, null, false, false);
    }

    /** One bad value in what was asked: the field's dotted path, as the contract names it, and what to do about it. */
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

    /** The resource is not in a state that allows it: every rule broken, so that one answer says all that must change. */
    public static final class RulesBroken extends Refused {
        public final List<BrokenRule> rules;

        public RulesBroken(List<BrokenRule> rules) {
            super(rules.size() + " rules broken");
            this.rules = List.copyOf(rules);
        }

        /** One broken rule: its type, the resource it concerns and what is wrong. */
        public RulesBroken(String type, String subject, String description) {
            this(List.of(new BrokenRule(type, subject, description)));
        }
    }

    /** There is one already; the message says which. */
    public static final class AlreadyExists extends Refused {
        public AlreadyExists(String message) {
            super(message);
        }
    }

    /** The caller may not reach this resource; the reason says who may. */
    public static final class NotPermitted extends Refused {
        public final String reason;

        public NotPermitted(String reason) {
            super(reason);
            this.reason = reason;
        }
    }
}
