package yardstick.cases.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import yardstick.platform.identity.Caller;
import yardstick.platform.identity.Role;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.Inspection;
import yardstick.cases.store.InspectionStore;
import yardstick.cases.store.RetentionStore;
import yardstick.platform.grpc.Errors;

/** What every endpoint of case-service does with the inspection a request names. */
@Singleton
class Inspections {

    private final InspectionStore store;
    private final RetentionStore retention;

    Inspections(InspectionStore store, RetentionStore retention) {
        this.store = store;
        this.retention = retention;
    }

    /** The inspection named "inspections/{inspection}"; INVALID_ARGUMENT naming {@code field} or NOT_FOUND otherwise. */
    Inspection existing(String name, String field) {
        return store.find(id(name, field)).orElseThrow(() -> Errors.notFound(name));
    }

    /**
     * The inspection, for reading its case data (population, sample, judgements, tallies): only its
     * team, the ratings panel and the neighbouring services may; anyone else is PERMISSION_DENIED.
     */
    Inspection forCaseData(String name, String field) {
        Inspection inspection = withCaseData(name, field);
        Caller caller = Caller.current();
        if (!caller.isService() && !caller.holds(Role.RATINGS_PANEL) && !inspection.onTeam(caller.subject())) {
            throw denied("only the inspection's team, the ratings panel and the services may read its case data");
        }
        return inspection;
    }

    /** The inspection, for judging its cases: only the inspectors on its team may. */
    Inspection forJudging(String name, String field) {
        Inspection inspection = withCaseData(name, field);
        if (!inspection.onTeam(Caller.current().subject())) {
            throw denied("only the inspectors on the inspection's team may judge its cases");
        }
        return inspection;
    }

    /** The inspection, for running it (its team, population and sample): only its lead inspector may. */
    Inspection forLead(String name, String field) {
        Inspection inspection = withCaseData(name, field);
        if (!inspection.leadInspector().equals(Caller.current().subject())) {
            throw denied("only the inspection's lead inspector may do this");
        }
        return inspection;
    }

    private static StatusRuntimeException denied(String why) {
        return Status.PERMISSION_DENIED.withDescription(why).asRuntimeException();
    }

    /**
     * As {@link #existing}, for a call on its case data (population, sample, judgements):
     * FAILED_PRECONDITION of type PURGED once that data has been purged under the retention.
     */
    private Inspection withCaseData(String name, String field) {
        Inspection inspection = existing(name, field);
        retention.purgeTime(inspection.id()).ifPresent(purged -> {
            throw Errors.failedPrecondition(new Errors.Violation("PURGED", inspection.name(),
                    "the inspection's case data (eligible population, sample, judgements) was purged at " + purged
                            + ", its retention after closing having passed; its published reports and ratings remain"));
        });
        return inspection;
    }

    static UUID id(String name, String field) {
        if (!name.startsWith(Inspection.NAME_PREFIX)) {
            throw Errors.invalidArgument(field, "must be of the form inspections/{inspection}");
        }
        try {
            return UUID.fromString(name.substring(Inspection.NAME_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument(field, "names no inspection: '" + name + "'");
        }
    }

    static StatusRuntimeException invalid(List<FieldProblem> problems) {
        return Errors.invalidArgument(problems.stream().map(p -> new Errors.FieldViolation(p.field(), p.description())).toList());
    }

    static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }
}
