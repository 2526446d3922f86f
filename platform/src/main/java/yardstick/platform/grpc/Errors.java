package yardstick.platform.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.charset.StandardCharsets;
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

    /**
     * What a client accepts of an error's trailers by default: grpc-java, grpc-go and grpc-core
     * refuse more than 8 KiB of metadata, and the details travel base64-encoded beside the message.
     * An error's details are kept within 3.5 KiB (4.7 KiB in base64) and its message within 1,000
     * bytes of UTF-8 (3,000 once percent-encoded at worst), which leaves room for the status and the
     * transport's own headers.
     */
    static final int DETAILS_BYTES = 3584;
    static final int MESSAGE_BYTES = 1000;
    /** A field path or description longer than this is cut: it may quote a caller's oversized value. */
    static final int VIOLATION_TEXT = 500;
    /** Room kept for the last violation, which says how many were left off. */
    private static final int LEFT_OFF_BYTES = 400;

    /**
     * Every bad field, as many as fit in what a client accepts by default: the first ones, and a
     * last violation saying how many more were left off.
     */
    public static StatusRuntimeException invalidArgument(List<FieldViolation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        int kept = 0;
        for (FieldViolation v : violations) {
            BadRequest.FieldViolation violation = BadRequest.FieldViolation.newBuilder()
                    .setField(cut(v.field())).setDescription(cut(v.description())).build();
            // Room is kept for the violation that says how many were left off.
            if (details.build().getSerializedSize() + violation.getSerializedSize() + LEFT_OFF_BYTES > DETAILS_BYTES) {
                break;
            }
            details.addFieldViolations(violation);
            kept++;
        }
        int leftOff = violations.size() - kept;
        if (leftOff > 0) {
            details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(cut(violations.get(kept).field(), 60))
                    .setDescription("and " + leftOff + " more problems from here on, left off so that this answer fits a client's"
                            + " limits; correct these and ask again"));
        }
        String message = violations.size() == 1
                ? cut(violations.get(0).field(), VIOLATION_TEXT) + ": " + cut(violations.get(0).description(), VIOLATION_TEXT)
                : violations.size() + " fields are invalid: " + String.join(", ", violations.stream().map(FieldViolation::field).toList());
        return error(Code.INVALID_ARGUMENT, message, Any.pack(details.build()));
    }

    private static String fitted(String message) {
        if (message.getBytes(StandardCharsets.UTF_8).length <= MESSAGE_BYTES) {
            return message;
        }
        int end = Math.min(message.length(), MESSAGE_BYTES / 3);
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "\u2026";
    }

    private static String cut(String text) {
        return cut(text, VIOLATION_TEXT);
    }

    private static String cut(String text, int most) {
        if (text.length() <= most) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(most - 2)) ? most - 2 : most - 1;
        return text.substring(0, end) + "\u2026";
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
        for (Violation v : violations) {
            PreconditionFailure.Violation violation = PreconditionFailure.Violation.newBuilder()
                    .setType(v.type()).setSubject(cut(v.subject())).setDescription(cut(v.description())).build();
            if (details.build().getSerializedSize() + violation.getSerializedSize() > DETAILS_BYTES) {
                break;
            }
            details.addViolations(violation);
        }
        String message = String.join("; ", violations.stream().map(Violation::description).toList());
        return error(Code.FAILED_PRECONDITION, message, Any.pack(details.build()));
    }

    public static StatusRuntimeException notFound(String resourceName) {
        return error(Code.NOT_FOUND, resourceName + " does not exist", null);
    }

    private static StatusRuntimeException error(Code code, String message, Any details) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(fitted(message));
        if (details != null) {
            status.addDetails(details);
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
