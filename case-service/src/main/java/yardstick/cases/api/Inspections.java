package yardstick.cases.api;

import io.grpc.StatusRuntimeException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.Inspection;
import yardstick.cases.store.InspectionStore;
import yardstick.platform.grpc.Errors;

/** What every endpoint of case-service does with the inspection a request names. */
@Singleton
class Inspections {

    private final InspectionStore store;

    Inspections(InspectionStore store) {
        this.store = store;
    }

    /** The inspection named "inspections/{inspection}"; INVALID_ARGUMENT naming {@code field} or NOT_FOUND otherwise. */
    Inspection existing(String name, String field) {
        return store.find(id(name, field)).orElseThrow(() -> Errors.notFound(name));
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
