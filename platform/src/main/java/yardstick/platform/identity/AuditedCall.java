package yardstick.platform.identity;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import yardstick.platform.audit.AuditTrail;
import yardstick.platform.audit.RequestResource;

/**
 * A call on its way through {@link IdentityInterceptor}, recorded in the audit trail when it
 * closes, served or refused: who (once the token is verified), the resource its first message
 * names, and the outcome. A call its client cancels is recorded as CANCELLED.
 */
final class AuditedCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {

    private final AuditTrail trail;
    private final AtomicBoolean recorded = new AtomicBoolean();
    private volatile Caller caller;
    private volatile String resource = "";
    private volatile String refusalReason = "";

    AuditedCall(ServerCall<Q, R> call, AuditTrail trail) {
        super(call);
        this.trail = trail;
    }

    /** The verified caller, from here on the subject of the entry. */
    void by(Caller verified) {
        this.caller = verified;
    }

    /** The listener of a call let through: it notes the resource the first message names. */
    ServerCall.Listener<Q> served(ServerCall.Listener<Q> listener) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                note(message);
                super.onMessage(message);
            }

            @Override
            public void onCancel() {
                record(Status.Code.CANCELLED);
                super.onCancel();
            }
        };
    }

    /**
     * Refuses the call, once its first message has said which resource it was after (or the
     * client has sent none), so that the entry names what was attempted.
     */
    ServerCall.Listener<Q> refused(Status status, Metadata trailers) {
        refusalReason = status.getDescription() == null ? "" : status.getDescription();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable refuse = () -> {
            if (closed.compareAndSet(false, true)) {
                close(status, trailers);
            }
        };
        request(1);
        return new ServerCall.Listener<>() {
            @Override
            public void onMessage(Q message) {
                note(message);
                refuse.run();
            }

            @Override
            public void onHalfClose() {
                refuse.run();
            }

            @Override
            public void onCancel() {
                record(Status.Code.CANCELLED);
            }
        };
    }

    @Override
    public void close(Status status, Metadata trailers) {
        record(status.getCode());
        super.close(status, trailers);
    }

    /** A create names no resource until it answers: the resource it made is the one it acted on. */
    @Override
    public void sendMessage(R message) {
        if (resource.isEmpty()) {
            resource = RequestResource.of(message);
        }
        super.sendMessage(message);
    }

    private void note(Q message) {
        if (resource.isEmpty()) {
            resource = RequestResource.of(message);
        }
    }

    private void record(Status.Code outcome) {
        if (!recorded.compareAndSet(false, true)) {
            return;
        }
        Caller who = caller;
        trail.record(new AuditTrail.Act(
                who == null ? AuditTrail.ANONYMOUS : who.subject(),
                who == null ? Set.of() : who.roles(),
                getMethodDescriptor().getFullMethodName(),
                resource,
                outcome,
                refusalReason));
    }
}
