package yardstick.ratings.app;

import java.util.List;
import java.util.Optional;
import yardstick.platform.app.Refused;
import yardstick.ratings.domain.InputProblem;

/**
 * The panel changes its mind on the record: at most one act is in force on a standard, and a new
 * act replaces it only by naming it, with a reason. Naming the act in force also catches two
 * people changing the same standard at once: the second names an act that is no longer in force.
 */
final class Supersession {

    private Supersession() {
    }

    /**
     * The id of the act a name gives ("inspections/{inspection}/{collection}/{id}"), empty for an empty name; a problem
     * named {@code field} when it is not one of the inspection's acts of that kind.
     */
    static Optional<Long> named(String name, String inspection, String collection, String field, List<InputProblem> problems) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> id = ActMessages.id(name, collection).filter(i -> name.equals(inspection + collection + i));
        if (id.isEmpty()) {
            problems.add(new InputProblem(field, "must name one of this inspection's acts, " + inspection + collection + "{id}"));
        }
        return id;
    }

    /** Refuses unless {@code named} is the act in force on the standard (or neither is). */
    static void require(Optional<Long> inForce, Optional<Long> named, String inspection, String collection, String standard) {
        if (inForce.equals(named)) {
            return;
        }
        String description = inForce.isEmpty()
                ? "standard " + standard + " has nothing in force to supersede; leave supersedes empty"
                : "standard " + standard + " has " + inspection + collection + inForce.get() + " in force: name it in supersedes, with "
                + "a supersede_reason, to replace it" + named.map(n -> " (" + inspection + collection + n + " is no longer in force)")
                .orElse("");
        throw new Refused.RulesBroken("SUPERSEDES", inspection, description);
    }
}
