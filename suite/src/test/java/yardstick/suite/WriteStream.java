package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A stream of writes from a few callers, each doing use cases as a client would: a caller told
 * UNAVAILABLE retries the same request (the same request_id), as AIP-194 asks, until it is answered;
 * any other failure is a wrong answer, and that caller stops. Subclasses say what one round of use
 * cases is, note what was acknowledged, and check the service's records against it afterwards.
 */
abstract class WriteStream implements AutoCloseable {

    private static final Duration RETRY_PATIENCE = Duration.ofMinutes(3);

    /** A caller's round that met a wrong answer, or never an answer. */
    static final class GaveUp extends Exception {
    }

    interface Call<T> {
        T call() throws Exception;
    }

    private final Supplier<ManagedChannel> channel;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
    private final List<Thread> callers = new ArrayList<>();

    /** @param channel the channel to the service (a restarted service on the same port is reached through the same one) */
    WriteStream(Supplier<ManagedChannel> channel) {
        this.channel = channel;
    }

    /** One round of use cases by caller {@code caller}, its {@code round}th; each use case through {@link #retried}. */
    abstract void round(String caller, int round) throws GaveUp;

    ManagedChannel channel() {
        return channel.get();
    }

    void start(int callerCount) {
        for (int i = 0; i < callerCount; i++) {
            String name = getClass().getSimpleName() + "-" + i;
            Thread caller = new Thread(() -> {
                for (int round = 0; !stopping.get(); round++) {
                    try {
                        round(name, round);
                    } catch (GaveUp e) {
                        return;
                    }
                }
            }, name);
            caller.setDaemon(true);
            callers.add(caller);
            caller.start();
        }
    }

    /** Waits until {@code more} further use cases are acknowledged. */
    void awaitAcknowledged(int more, Duration patience) throws InterruptedException {
        int target = acknowledged.get() + more;
        Instant giveUp = Instant.now().plus(patience);
        while (acknowledged.get() < target) {
            assertTrue(Instant.now().isBefore(giveUp), "only " + acknowledged.get() + " of " + target + " writes acknowledged; wrong answers: "
                    + wrongAnswers);
            assertTrue(wrongAnswers.isEmpty(), "wrong answers: " + wrongAnswers);
            Thread.sleep(100);
        }
    }

    int unavailableAnswers() {
        return unavailable.get();
    }

    /** The answers other than OK and UNAVAILABLE. */
    List<String> wrongAnswers() {
        return List.copyOf(wrongAnswers);
    }

    /** Lets each caller finish its round (every request it sent answered) and stop. */
    @Override
    public void close() throws InterruptedException {
        stopping.set(true);
        for (Thread caller : callers) {
            caller.join(RETRY_PATIENCE.toMillis());
        }
    }

    /** Calls until answered: UNAVAILABLE is retried (AIP-194), anything else is a wrong answer. */
    <T> T retried(String method, Call<T> call) throws GaveUp {
        Instant giveUp = Instant.now().plus(RETRY_PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            try {
                T answer = call.call();
                acknowledged.incrementAndGet();
                return answer;
            } catch (StatusRuntimeException e) {
                refuseUnlessUnavailable(method, e.getStatus());
            } catch (ExecutionException e) {
                refuseUnlessUnavailable(method, Status.fromThrowable(e.getCause()));
            } catch (Exception e) {
                wrongAnswers.add(method + ": " + e);
                throw new GaveUp();
            }
            unavailable.incrementAndGet();
            channel.get().resetConnectBackoff();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp();
            }
        }
        wrongAnswers.add(method + ": still UNAVAILABLE after " + RETRY_PATIENCE);
        throw new GaveUp();
    }

    private void refuseUnlessUnavailable(String method, Status status) throws GaveUp {
        if (status.getCode() != Status.Code.UNAVAILABLE) {
            wrongAnswers.add(method + ": " + status);
            throw new GaveUp();
        }
    }
}
