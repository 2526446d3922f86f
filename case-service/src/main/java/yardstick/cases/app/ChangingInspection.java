package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.Fieldwork;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.InspectionState;
import yardstick.cases.store.FieldworkStore;
import yardstick.cases.store.InspectionStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/**
 * A change to an inspection's details or state, by its lead inspector, if nobody changed it since
 * it was read. A closed inspection changes no more; the framework is fixed once the sample is
 * drawn; fieldwork needs a drawn sample, and rating needs every active sampled case submitted and
 * its moderation sample drawn and confirmed. Under the inspection's row lock, so that no judgement
 * or moderation slips in between the check and the move.
 */
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
    private final SampleStore samples;
    private final FieldworkStore fieldwork;
    private final ServiceRegister register;

    ChangingInspection(InspectionStore store, InspectionAccess access, Frameworks frameworks, SampleStore samples, FieldworkStore fieldwork,
                       ServiceRegister register) {
        this.store = store;
        this.access = access;
        this.frameworks = frameworks;
        this.samples = samples;
        this.fieldwork = fieldwork;
        this.register = register;
    }

    @Transactional
    public Inspection change(Caller caller, ChangeInspection command) {
        Inspection current = access.forLead(caller, command.inspection(), CaseWork.CHANGE_INSPECTION);
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
        boolean drawn = samples.drawn(current.id());
        boolean frameworkChanged = !details.framework().equals(was.framework());
        if (frameworkChanged && drawn) {
            throw new Refused.RulesBroken("FRAMEWORK", current.name(),
                    "the framework is fixed once the sample is drawn: its cases are judged against it");
        }
        if (state != current.state()) {
            requireReadyFor(current, state, drawn);
        }
        if (frameworkChanged) {
            frameworks.requireKnown(details.framework(), "inspection.framework");
        }
        return store.update(current, details, state).orElseThrow(() -> stale(current));
    }

    /** Refuses a move to fieldwork before the sample is drawn, and to rating before fieldwork is done. */
    private void requireReadyFor(Inspection current, InspectionState next, boolean drawn) {
        if (next == InspectionState.FIELDWORK && !drawn) {
            throw new Refused.RulesBroken("SAMPLE_NOT_DRAWN", current.name(), "fieldwork needs a drawn sample (DrawSample)");
        }
        if (next == InspectionState.RATING) {
            List<Fieldwork.Unfinished> unfinished = Fieldwork.unfinishedBeforeRating(fieldwork.progress(current.id()),
                    fieldwork.moderationDraw(current.id()).isPresent());
            if (!unfinished.isEmpty()) {
                throw new Refused.RulesBroken(unfinished.stream()
                        .map(u -> new Refused.BrokenRule(u.type(), current.name(), "rating waits for fieldwork to finish: " + u.description()))
                        .toList());
            }
        }
    }

    private static Refused stale(Inspection current) {
        return new Refused.RulesBroken("ETAG", current.name(),
                "the inspection changed since it was read (its etag is now " + current.etag() + "); read it again and reapply the change");
    }
}
