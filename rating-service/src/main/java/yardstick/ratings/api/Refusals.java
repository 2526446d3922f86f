package yardstick.ratings.api;

import io.grpc.StatusRuntimeException;
import java.util.List;
import yardstick.platform.grpc.Errors;
import yardstick.ratings.app.Refusal;
import yardstick.ratings.domain.InputProblem;

/** A use case's refusal as the canonical status code, with its details. */
final class Refusals {

    private Refusals() {
    }

    static StatusRuntimeException status(Refusal refusal) {
        if (refusal instanceof Refusal.BadInput bad) {
            return Errors.invalidArgument(fieldViolations(bad.problems()));
        }
        if (refusal instanceof Refusal.BrokenRule broken) {
            return Errors.failedPrecondition(new Errors.Violation(broken.type(), broken.subject(), broken.description()));
        }
        if (refusal instanceof Refusal.NotFound missing) {
            return Errors.notFound(missing.name());
        }
        throw new IllegalStateException("a refusal without a status code: " + refusal.getClass());
    }

    static List<Errors.FieldViolation> fieldViolations(List<InputProblem> problems) {
        return problems.stream().map(p -> new Errors.FieldViolation(p.field(), p.description())).toList();
    }
}
