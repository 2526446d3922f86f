package yardstick.ratings.app;

import java.util.List;
import yardstick.platform.app.Refused;
import yardstick.ratings.domain.DiscretionRefusedException;
import yardstick.ratings.domain.InputProblem;

/**
 * The rating rules' own refusals (problems with the inputs, discretion on no ground) as the refusal
 * every service answers: bad input, a broken rule.
 */
public final class RatingRefusals {

    private RatingRefusals() {
    }

    /** Fields of the request that must change, each named as the contract names it. */
    public static Refused.BadRequest badInput(List<InputProblem> problems) {
        return new Refused.BadRequest(problems.stream().map(p -> new Refused.FieldProblem(p.field(), p.description())).toList());
    }

    /** The panel's decision is open on no ground of Annexe 1. */
    public static Refused.RulesBroken discretionGround(DiscretionRefusedException refused) {
        return new Refused.RulesBroken("DISCRETION_GROUND", "standards/" + refused.standard(), refused.getMessage());
    }

    static void requireText(String value, String field, String why, List<InputProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InputProblem(field, "is required: " + why));
        }
    }

    static void refuseIfAny(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw badInput(problems);
        }
    }
}
