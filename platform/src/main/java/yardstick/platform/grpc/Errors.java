package yardstick.platform.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/**
 * Canonical errors with {@code google.rpc} details: bad input is INVALID_ARGUMENT with a
 * {@link BadRequest} naming each field; a broken rule is FAILED_PRECONDITION with a
 * {@link PreconditionFailure}.
 */
public final class Errors {

    private Errors() {
    }

    /** One bad field: its dotted path in the request and what a person must do about it. */
    public record FieldViolation(String field, String description) {
    }

    /** One broken rule: its type (for example "ETAG"), the subject and what is wrong. */
    public record Violation(String type, String subject, String description) {
    }

    public static StatusRuntimeException invalidArgument(List<FieldViolation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        violations.forEach(v -> details.addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setField(v.field()).setDescription(v.description())));
        String message = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).description()
                : violations.size() + " fields are invalid: " + String.join(", ", violations.stream().map(FieldViolation::field).toList());
        return error(Code.INVALID_ARGUMENT, message, Any.pack(details.build()));
    }

    public static StatusRuntimeException invalidArgument(String field, String description) {
        return invalidArgument(List.of(new FieldViolation(field, description)));
    }

    public static StatusRuntimeException failedPrecondition(Violation violation) {
        return failedPrecondition(List.of(violation));
    }

    /** Every rule the request breaks, so that one answer says all that must change. */
    public static StatusRuntimeException failedPrecondition(List<Violation> violations) {
        PreconditionFailure.Builder details = PreconditionFailure.newBuilder();
        violations.forEach(v -> details.addViolations(PreconditionFailure.Violation.newBuilder()
                .setType(v.type()).setSubject(v.subject()).setDescription(v.description())));
        String message = String.join("; ", violations.stream().map(Violation::description).toList());
        return error(Code.FAILED_PRECONDITION, message, Any.pack(details.build()));
    }

    public static StatusRuntimeException notFound(String resourceName) {
        return error(Code.NOT_FOUND, resourceName + " does not exist", null);
    }

    private static StatusRuntimeException error(Code code, String message, Any details) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message);
        if (details != null) {
            status.addDetails(details);
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
