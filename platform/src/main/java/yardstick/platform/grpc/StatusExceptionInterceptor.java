package yardstick.platform.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yardstick.platform.app.Refused;
import yardstick.platform.audit.WithoutValues;

/**
 * Lets endpoints throw the errors of {@link Errors}: grpc-java would turn any exception thrown
 * by a handler into UNKNOWN and drop its details. A status exception is answered as it is, with
 * its trailers, and a {@link Refused} as {@link Refusals} says; anything else is answered as
 * {@link Failures} says (a passing database failure UNAVAILABLE, the rest INTERNAL), logged here
 * without its messages (they may quote case values), and without leaking them to the caller.
 */
@Singleton
class StatusExceptionInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(StatusExceptionInterceptor.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }

            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }
        };
    }

    private static void close(ServerCall<?, ?> call, RuntimeException thrown) {
        // A use case's refusal that no endpoint caught is still an answer the caller can act on.
        RuntimeException e = thrown instanceof Refused refused ? Refusals.status(refused) : thrown;
        if (e instanceof StatusRuntimeException error) {
            // Only the error details travel on: trailers received from another service (a
            // neighbour's error passed up) carry that response's own headers, which are not ours to send.
            com.google.rpc.Status details = StatusProto.fromThrowable(error);
            Metadata trailers = details != null && details.getDetailsCount() > 0
                    ? StatusProto.toStatusRuntimeException(details).getTrailers()
                    : new Metadata();
            call.close(error.getStatus(), trailers);
            return;
        }
        StatusRuntimeException answer = Failures.status(e);
        if (answer.getStatus().getCode() == Status.Code.UNAVAILABLE) {
            LOG.warn("{} failed for want of the database", call.getMethodDescriptor().getFullMethodName(), WithoutValues.of(e));
        } else {
            LOG.error("{} failed", call.getMethodDescriptor().getFullMethodName(), WithoutValues.of(e));
        }
        call.close(answer.getStatus(), answer.getTrailers() == null ? new Metadata() : answer.getTrailers());
    }
}
