package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.InspectionState;
import yardstick.cases.store.InspectionStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/** A change to an inspection's details or state, by its lead inspector, if nobody changed it since it was read. */
@Singleton
public class ChangingInspection {

    /**
     * The fields {@code paths} names, taken from {@code given} (and {@code state}, null when not a
     * real state), if {@code etag} is still the inspection's etag.
     */
    public record ChangeInspection(InspectionName inspection, String etag, Set<String> paths, Inspection.Details given,
                                   InspectionState state) {
    }

    private final InspectionStore store;
    private final InspectionAccess access;
    private final Frameworks frameworks;
    private final ServiceRegister register;

    ChangingInspection(InspectionStore store, InspectionAccess access, Frameworks frameworks, ServiceRegister register) {
        this.store = store;
        this.access = access;
        this.frameworks = frameworks;
        this.register = register;
    }

    @Transactional
    public Inspection change(Caller caller, ChangeInspection command) {
        Inspection current = access.forLead(caller, command.inspection());
        Inspection.Details was = current.details();
        Inspection.Details given = command.given();
        Set<String> paths = command.paths();
        Inspection.Details details = new Inspection.Details(
                paths.contains("inspected_service") ? given.inspectedService() : was.inspectedService(),
                paths.contains("fieldwork_start") ? given.fieldworkStart() : was.fieldworkStart(),
                paths.contains("fieldwork_end") ? given.fieldworkEnd() : was.fieldworkEnd(),
                paths.contains("framework") ? given.framework() : was.framework(),
                paths.contains("team") ? given.team() : was.team());
        List<FieldProblem> problems = new ArrayList<>(details.problems("inspection."));
        InspectionState state = current.state();
        if (paths.contains("state")) {
            state = command.state();
            if (state == null) {
                problems.add(new FieldProblem("inspection.state", "is required when update_mask names it"));
            }
        }
        BadFields.refuse(problems);

        if (!details.inspectedService().equals(was.inspectedService())) {
            register.requireRegistered(details.inspectedService(), "inspection.inspected_service");
        }
        if (!command.etag().equals(current.etag())) {
            throw stale(current);
        }
        if (!current.state().mayMoveTo(state)) {
            throw new Refused.RulesBroken("STATE", current.name(), "an inspection moves forward one stage at a "
                    + "time: from " + current.state() + " only to " + current.state().next().map(Enum::name).orElse("nowhere")
                    + ", not to " + state);
        }
        boolean frameworkChanged = !details.framework().equals(was.framework());
        if (frameworkChanged && current.state() != InspectionState.PLANNING) {
            throw new Refused.RulesBroken("FRAMEWORK", current.name(),
                    "the framework can change only while the inspection is being planned; it is in " + current.state());
        }
        if (frameworkChanged) {
            frameworks.requireKnown(details.framework(), "inspection.framework");
        }
        return store.update(current, details, state).orElseThrow(() -> stale(current));
    }

    private static Refused stale(Inspection current) {
        return new Refused.RulesBroken("ETAG", current.name(),
                "the inspection changed since it was read (its etag is now " + current.etag() + "); read it again and reapply the change");
    }
}
