package yardstick.platform.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import yardstick.platform.app.Bounds;
import yardstick.platform.app.Refused;

/**
 * Holds every message a caller sends to {@link Bounds}, before any endpoint reads it: a reference
 * field (a resource name, request id, etag or page token) at most {@link Bounds#NAME_LENGTH}
 * characters, any other string at most {@link Bounds#TEXT_LENGTH}, no string holding NUL, and no
 * repeated field of more than {@link Bounds#REPEATED} values. A message out of bounds is
 * INVALID_ARGUMENT naming each field by its dotted path; the call ends there, and an endpoint
 * streaming in messages is told its caller is gone. So is a request that is not protobuf at all
 * ({@link MalformedRequests}). Runs after the identity check, so that a stranger learns nothing from it.
 */
@Singleton
class RequestBounds implements ServerInterceptor, Ordered {

    private static final Set<String> REFERENCE_FIELDS = Set.of("name", "parent", "inspection", "framework", "publication",
            "report", "plan", "etag", "page_token", "request_id");
    /** A request this wrong is named in part: the answer names the first problems and how many more there were. */
    private static final int MOST_PROBLEMS = 101;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (refused) {
                    return;
                }
                List<Refused.FieldProblem> problems = message instanceof Message request ? problems(request) : List.of();
                if (problems.isEmpty()) {
                    super.onMessage(message);
                    return;
                }
                refused = true;
                StatusRuntimeException error = Refusals.status(new Refused.BadRequest(problems));
                call.close(error.getStatus(), StatusProto.toStatusRuntimeException(StatusProto.fromThrowable(error)).getTrailers());
                // The endpoint drops what it gathered of a stream, as for a caller who went away.
                super.onCancel();
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onCancel() {
                if (!refused) {
                    super.onCancel();
                }
            }

            @Override
            public void onComplete() {
                if (!refused) {
                    super.onComplete();
                }
            }

            @Override
            public void onReady() {
                if (!refused) {
                    super.onReady();
                }
            }
        };
    }

    /** Every field of {@code message} out of bounds, the first {@value #MOST_PROBLEMS} of them. */
    static List<Refused.FieldProblem> problems(Message message) {
        Optional<String> malformed = MalformedRequests.malformed(message);
        if (malformed.isPresent()) {
            return List.of(new Refused.FieldProblem("", "the request is not a " + message.getDescriptorForType().getFullName()
                    + " message in protobuf's binary form (" + malformed.get() + ")"));
        }
        Bounds check = Bounds.check();
        walk(message, "", check);
        List<Refused.FieldProblem> problems = check.problems();
        return problems.size() > MOST_PROBLEMS ? problems.subList(0, MOST_PROBLEMS) : problems;
    }

    private static void walk(Message message, String prefix, Bounds check) {
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            if (check.problems().size() > MOST_PROBLEMS) {
                return;
            }
            FieldDescriptor field = entry.getKey();
            String path = prefix + field.getName();
            if (field.isRepeated()) {
                List<?> values = (List<?>) entry.getValue();
                check.repeated(path, values.size(), Bounds.REPEATED);
                for (int i = 0; i < values.size() && i < Bounds.REPEATED; i++) {
                    value(field, values.get(i), path + "[" + i + "]", check);
                }
            } else {
                value(field, entry.getValue(), path, check);
            }
        }
    }

    private static void value(FieldDescriptor field, Object value, String path, Bounds check) {
        if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
            check.text(path, (String) value, REFERENCE_FIELDS.contains(field.getName()) ? Bounds.NAME_LENGTH : Bounds.TEXT_LENGTH);
        } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            walk((Message) value, path + ".", check);
        }
    }
}
