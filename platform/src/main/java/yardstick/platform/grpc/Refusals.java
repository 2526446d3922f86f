package yardstick.platform.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import yardstick.platform.app.Refused;

/**
 * A use case's refusal as the canonical status code, with {@code google.rpc} details where the
 * contract promises them: not found is NOT_FOUND; bad fields are INVALID_ARGUMENT and broken rules
 * FAILED_PRECONDITION, as {@link Errors} builds them; a second of a kind is ALREADY_EXISTS and a
 * resource out of the caller's reach PERMISSION_DENIED, each with its message alone.
 */
public final class Refusals {

    private Refusals() {
    }

    /** Answers with {@code answer}'s message, or with the status of its refusal. */
    public static <T> void answer(StreamObserver<T> response, Supplier<T> answer) {
        T message;
        try {
            message = answer.get();
        } catch (Refused refused) {
            throw status(refused);
        }
        response.onNext(message);
        response.onCompleted();
    }

    public static StatusRuntimeException status(Refused refused) {
        if (refused instanceof Refused.NotFound notFound) {
            return Errors.notFound(notFound.name);
        }
        if (refused instanceof Refused.BadRequest bad) {
            return Errors.invalidArgument(bad.problems.stream().map(p -> new Errors.FieldViolation(p.field(), p.description())).toList());
        }
        if (refused instanceof Refused.RulesBroken broken) {
            return Errors.failedPrecondition(broken.rules.stream().map(r -> new Errors.Violation(r.type(), r.subject(), r.description())).toList());
        }
        if (refused instanceof Refused.AlreadyExists exists) {
            return Status.ALREADY_EXISTS.withDescription(exists.getMessage()).asRuntimeException();
        }
        if (refused instanceof Refused.NotPermitted notPermitted) {
            return Status.PERMISSION_DENIED.withDescription(notPermitted.reason).asRuntimeException();
        }
        throw new IllegalStateException("a refusal without a status code: " + refused.getClass());
    }
}
