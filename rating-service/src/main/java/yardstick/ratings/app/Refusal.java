package yardstick.ratings.app;

import java.util.List;
import yardstick.ratings.domain.DiscretionRefusedException;
import yardstick.ratings.domain.InputProblem;

/**
 * Why a use case will not do what was asked. The endpoint answers it with a status code: bad input,
 * a broken rule, or nothing of that name.
 */
public abstract sealed class Refusal extends RuntimeException permits Refusal.BadInput, Refusal.BrokenRule, Refusal.NotFound {

    private Refusal(String message) {
        // An answer to the caller, not a fault: no stack trace to fill in.
        super(message, null, false, false);
    }

    /** Fields of the request that must change, each named as the contract names it. */
    public static final class BadInput extends Refusal {

        private final List<InputProblem> problems;

        BadInput(List<InputProblem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        public List<InputProblem> problems() {
            return problems;
        }
    }

    /** A rule the request breaks: the rule's type (for example NOT_READY), its subject and what is wrong. */
    public static final class BrokenRule extends Refusal {

        private final String type;
        private final String subject;

        BrokenRule(String type, String subject, String description) {
            super(description);
            this.type = type;
            this.subject = subject;
        }

        public String type() {
            return type;
        }

        public String subject() {
            return subject;
        }

        public String description() {
            return getMessage();
        }
    }

    /** Nothing of that name exists. */
    public static final class NotFound extends Refusal {

        private final String name;

        NotFound(String name) {
            super(name);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    static BadInput badInput(String field, String description) {
        return new BadInput(List.of(new InputProblem(field, description)));
    }

    /** The panel's decision is open on no ground of Annexe 1. */
    public static BrokenRule discretionGround(DiscretionRefusedException refused) {
        return new BrokenRule("DISCRETION_GROUND", "standards/" + refused.standard(), refused.getMessage());
    }

    static void requireText(String value, String field, String why, List<InputProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InputProblem(field, "is required: " + why));
        }
    }

    static void refuseIfAny(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
    }
}
