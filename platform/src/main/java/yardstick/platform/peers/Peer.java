package yardstick.platform.peers;

import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import yardstick.contracts.Channels;
import yardstick.platform.telemetry.RequestIds;

/**
 * A neighbouring service reached over gRPC. Every call carries the peer's deadline, and a peer
 * that is down or does not answer in time is reported as UNAVAILABLE naming it, never a hang.
 */
public final class Peer implements AutoCloseable {

    private final String name;
    private final String address;
    private final Duration deadline;
    private final ManagedChannel channel;
    /** The channel, sending on the request identifier of the call being served. */
    private final Channel calls;
    private final CallCredentials identity;

    /** A neighbour reached in plaintext. */
    public Peer(String name, String address, Duration deadline, CallCredentials identity) {
        this(name, address, deadline, identity, false, null);
    }

    /**
     * @param identity the calling service's own identity, sent on every call
     * @param tls whether to speak TLS (always, when {@code trust} is given)
     * @param trust a PEM bundle of the certificate authorities to trust, or null for the JVM's own
     */
    public Peer(String name, String address, Duration deadline, CallCredentials identity, boolean tls, Path trust) {
        this.name = name;
        this.address = address;
        this.deadline = deadline;
        this.identity = identity;
        this.channel = Channels.open(address, tls, trust);
        this.calls = ClientInterceptors.intercept(channel, RequestIds.forwarding());
    }

    /**
     * Makes one call on a fresh stub whose deadline starts now.
     *
     * @param stubFactory for example {@code FrameworkServiceGrpc::newBlockingStub}
     * @param call the call, for example {@code stub -> stub.getFramework(request)}
     */
    public <S extends AbstractStub<S>, R> R call(Function<Channel, S> stubFactory, Function<S, R> call) {
        reconnectIfItWasDown();
        S stub = stubFactory.apply(calls)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .withCallCredentials(identity);
        try {
            return call.apply(stub);
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
                String why = code == Status.Code.DEADLINE_EXCEEDED
                        ? "no answer within " + deadline.toMillis() + " ms"
                        : e.getStatus().getDescription();
                throw Status.UNAVAILABLE
                        .withDescription(name + " (" + address + ") is unavailable: " + why)
                        .withCause(e)
                        .asRuntimeException();
            }
            if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED) {
                // The neighbour refused this service's own identity, not the caller's: a fault of
                // configuration the caller cannot mend, and not theirs to be told they are unknown.
                throw Status.UNAVAILABLE
                        .withDescription(name + " (" + address + ") refused this service's identity: " + e.getStatus().getDescription())
                        .withCause(e)
                        .asRuntimeException();
            }
            // The neighbour's own answer, named, without the headers of its response.
            throw e.getStatus().withDescription(name + ": " + e.getStatus().getDescription()).asRuntimeException();
        }
    }

    /**
     * Like {@link #call}, for a lookup: empty when the neighbour answers NOT_FOUND (or that the
     * name is malformed, INVALID_ARGUMENT: no such thing either way).
     */
    public <S extends AbstractStub<S>, R> java.util.Optional<R> find(Function<Channel, S> stubFactory, Function<S, R> call) {
        try {
            return java.util.Optional.of(call(stubFactory, call));
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A neighbour that was down when last tried is tried again now, not after the channel's
     * reconnect backoff (which grows to minutes): the call then waits for that attempt instead of
     * failing at once on the old failure.
     */
    private void reconnectIfItWasDown() {
        ConnectivityState state = channel.getState(true);
        if (state != ConnectivityState.TRANSIENT_FAILURE) {
            return;
        }
        CountDownLatch leftFailure = new CountDownLatch(1);
        channel.notifyWhenStateChanged(state, leftFailure::countDown);
        channel.resetConnectBackoff();
        try {
            leftFailure.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public Duration deadline() {
        return deadline;
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
