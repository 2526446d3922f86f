package yardstick.cases.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import yardstick.cases.app.Refused;
import yardstick.platform.grpc.Errors;

/** A use case's refusal as the canonical status code, with google.rpc details where the contract promises them. */
final class Refusals {

    private Refusals() {
    }

    /** Answers with {@code answer}'s message, or with the status of its refusal. */
    static <T> void answer(StreamObserver<T> response, Supplier<T> answer) {
        T message;
        try {
            message = answer.get();
        } catch (Refused refused) {
            throw status(refused);
        }
        response.onNext(message);
        response.onCompleted();
    }

    static StatusRuntimeException status(Refused refused) {
        if (refused instanceof Refused.NotFound notFound) {
            return Errors.notFound(notFound.name);
        }
        if (refused instanceof Refused.BadRequest bad) {
            return Errors.invalidArgument(bad.problems.stream().map(p -> new Errors.FieldViolation(p.field(), p.description())).toList());
        }
        if (refused instanceof Refused.RuleBroken broken) {
            return Errors.failedPrecondition(new Errors.Violation(broken.rule.type(), broken.rule.subject(), broken.rule.description()));
        }
        return Status.PERMISSION_DENIED.withDescription(refused.getMessage()).asRuntimeException();
    }
}
