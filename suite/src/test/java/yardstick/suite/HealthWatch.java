package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A service's gRPC health, asked every 100 ms, and each change of it. */
final class HealthWatch implements AutoCloseable {

    private final List<ServingStatus> changes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread watcher;

    private HealthWatch(ServiceProcess process) {
        watcher = new Thread(() -> {
            while (!stopping.get()) {
                ServingStatus now = process.health();
                if (now != ServingStatus.UNKNOWN && (changes.isEmpty() || changes.get(changes.size() - 1) != now)) {
                    changes.add(now);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "health-watch-" + process.service().name());
        watcher.setDaemon(true);
    }

    static HealthWatch start(ServiceProcess process) {
        HealthWatch watch = new HealthWatch(process);
        watch.watcher.start();
        return watch;
    }

    void await(ServingStatus status, Duration patience) throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        while (changes.isEmpty() || changes.get(changes.size() - 1) != status) {
            assertTrue(Instant.now().isBefore(giveUp), "health never went " + status + ": " + changes);
            Thread.sleep(100);
        }
    }

    List<ServingStatus> changes() {
        return List.copyOf(changes);
    }

    @Override
    public void close() throws InterruptedException {
        stopping.set(true);
        watcher.join(10_000);
    }
}
