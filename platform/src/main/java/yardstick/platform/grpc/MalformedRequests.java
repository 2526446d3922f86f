package yardstick.platform.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import java.io.InputStream;
import java.util.Optional;

/**
 * Requests that are not protobuf, or not the message they claim (bytes that are not UTF-8 in a
 * string field, a truncated message), answered INVALID_ARGUMENT: grpc-java parses a request
 * before any interceptor sees it and answers a failure UNKNOWN, as if the service were at fault.
 * Each service is served again here with a request marshaller that, instead of failing, hands on
 * an empty request marked malformed (an unknown field no contract uses), which {@link RequestBounds}
 * refuses once the caller is known. micronaut-grpc adds these definitions after the services
 * themselves, so they take their place.
 */
@Factory
class MalformedRequests {

    /** The field number that marks a request as malformed: the largest protobuf allows, which no contract uses. */
    static final int MARK = 536_870_911;

    @EachBean(BindableService.class)
    ServerServiceDefinition tolerant(BindableService service) {
        ServerServiceDefinition definition = service.bindService();
        ServerServiceDefinition.Builder tolerant = ServerServiceDefinition.builder(definition.getServiceDescriptor().getName());
        for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
            tolerant.addMethod(tolerant(method));
        }
        return tolerant.build();
    }

    /** Why the request is malformed, if it is. */
    static Optional<String> malformed(Message request) {
        UnknownFieldSet.Field mark = request.getUnknownFields().getField(MARK);
        return mark == null || mark.getLengthDelimitedList().isEmpty() ? Optional.empty()
                : Optional.of(mark.getLengthDelimitedList().get(0).toStringUtf8());
    }

    private static <Q, R> ServerMethodDefinition<Q, R> tolerant(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor.Marshaller<Q> requests = method.getMethodDescriptor().getRequestMarshaller();
        if (!(requests instanceof MethodDescriptor.PrototypeMarshaller<Q> prototypes) || !(prototypes.getMessagePrototype() instanceof Message)) {
            return method;
        }
        return ServerMethodDefinition.create(method.getMethodDescriptor().toBuilder().setRequestMarshaller(new Tolerant<>(prototypes)).build(),
                method.getServerCallHandler());
    }

    private record Tolerant<Q>(MethodDescriptor.PrototypeMarshaller<Q> original) implements MethodDescriptor.PrototypeMarshaller<Q> {

        @Override
        public InputStream stream(Q value) {
            return original.stream(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Q parse(InputStream stream) {
            try {
                return original.parse(stream);
            } catch (StatusRuntimeException e) {
                Message empty = (Message) original.getMessagePrototype();
                String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                        : String.valueOf(e.getStatus().getDescription());
                return (Q) empty.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder().addField(MARK, UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(ByteString.copyFromUtf8(why)).build()).build()).build();
            }
        }

        @Override
        public Q getMessagePrototype() {
            return original.getMessagePrototype();
        }

        @Override
        public Class<Q> getMessageClass() {
            return original.getMessageClass();
        }
    }
}
