package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * case-service killed with {@code kill -9}, twice, while callers open inspections (with request_ids),
 * move them on and import their populations, each caller retrying the same request until answered:
 * after the restarts each logical request took effect exactly once, and no population is half there.
 */
class ServiceDiesMidCallIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private RunningServices services;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void eachRequestRetriedAcrossAKillNineTakesEffectOnce() throws Exception {
        services = RunningServices.start("service-dies", Service.RATINGS, Service.CASES);
        channel = services.channel(Service.CASES);
        try (CaseWrites writes = new CaseWrites(() -> channel)) {
            writes.start(3);
            writes.awaitAcknowledged(6, PATIENCE);
            for (int kill = 0; kill < 2; kill++) {
                services.process(Service.CASES).kill();
                Thread.sleep(500); // callers meet a service that is not there
                services.start(Service.CASES);
                writes.awaitAcknowledged(6, PATIENCE);
            }
            writes.close();

            assertEquals(List.of(), writes.wrongAnswers(), "callers got only OK or UNAVAILABLE");
            assertTrue(writes.unavailableAnswers() > 0, "the callers were told UNAVAILABLE while the service was gone");
            try (Connection connection = DatabaseFaults.of(Service.CASES, services.environment()).connect()) {
                writes.check(connection);
            }
        }
    }
}
