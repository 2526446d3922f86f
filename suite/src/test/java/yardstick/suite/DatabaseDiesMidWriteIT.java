package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each service's PostgreSQL dies under a stream of its writes: first the administrator ends the
 * service's sessions ({@code pg_terminate_backend}), twice, then the postmaster is killed with
 * {@code kill -9}, and the service starts it again. Every write a caller saw acknowledged is there, once; nothing
 * else is; nothing is half written; health went NOT_SERVING and back; and callers were told
 * UNAVAILABLE, which they retried, never INTERNAL or a wrong answer.
 */
class DatabaseDiesMidWriteIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final int CALLERS = 3;

    private static RunningServices services;
    private static PublishedInspection.Result harrow;
    private static String beingRated;

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("database-dies", Service.RATINGS, Service.CASES, Service.REPORTS);
        ManagedChannel cases = services.plainChannel(Service.CASES);
        ManagedChannel ratings = services.plainChannel(Service.RATINGS);
        ManagedChannel reports = services.plainChannel(Service.REPORTS);
        try {
            harrow = PublishedInspection.HARROW.carry(cases, ratings, reports, ProcessTestSupport.signIns(), line -> { });
            // Ratings are computed only while an inspection is rating, and Harrow's is closed once published.
            beingRated = PublishedInspection.HARROW.carryToRatings(cases, ratings, ProcessTestSupport.signIns(), line -> { }).inspection();
        } finally {
            cases.shutdownNow();
            ratings.shutdownNow();
            reports.shutdownNow();
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void caseServiceLosesNoInspectionOrImportAcknowledgedAndHalfImportsNothing() throws Exception {
        ManagedChannel channel = services.channel(Service.CASES);
        try (CaseWrites writes = new CaseWrites(() -> channel)) {
            DatabaseFaults database = killItsDatabaseMidWrite(Service.CASES, writes);
            try (Connection connection = database.connect()) {
                writes.check(connection);
            }
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void ratingServiceKeepsOneSnapshotForEachComputeRatingsAcknowledged() throws Exception {
        ManagedChannel channel = services.plainChannel(Service.RATINGS);
        try (RatingWrites writes = new RatingWrites(() -> channel, beingRated)) {
            killItsDatabaseMidWrite(Service.RATINGS, writes);
            writes.check("rating snapshot");
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void reportServiceKeepsOneActionForEachPlanChangeAcknowledged() throws Exception {
        ManagedChannel channel = services.plainChannel(Service.REPORTS);
        try (PlanWrites writes = new PlanWrites(() -> channel, harrow.publication().getName())) {
            killItsDatabaseMidWrite(Service.REPORTS, writes);
            writes.check("plan action");
        } finally {
            channel.shutdownNow();
        }
    }

    /** Runs the writes through the database's faults, and sees health follow; the callers' answers are checked by the caller. */
    private static DatabaseFaults killItsDatabaseMidWrite(Service service, WriteStream writes) throws Exception {
        DatabaseFaults database = DatabaseFaults.of(service, services.environment());
        try (HealthWatch health = HealthWatch.start(services.process(service))) {
            writes.start(CALLERS);
            writes.awaitAcknowledged(6, PATIENCE);

            assertTrue(database.terminateSessions() > 0, "the service had connections to end");
            writes.awaitAcknowledged(6, PATIENCE);
            database.terminateSessions();
            writes.awaitAcknowledged(6, PATIENCE);

            database.killPostmaster();
            health.await(ServingStatus.NOT_SERVING, PATIENCE);
            health.await(ServingStatus.SERVING, PATIENCE); // the service has started its PostgreSQL again
            writes.awaitAcknowledged(9, PATIENCE);
            writes.close();

            assertEquals(List.of(), writes.wrongAnswers(), "callers got only OK or UNAVAILABLE");
            assertTrue(writes.unavailableAnswers() > 0, "the callers were told UNAVAILABLE while the database was gone");
            List<ServingStatus> changes = health.changes();
            assertTrue(changes.contains(ServingStatus.NOT_SERVING), "health went NOT_SERVING while the database was gone: " + changes);
            assertEquals(ServingStatus.SERVING, changes.get(changes.size() - 1), "and back: " + changes);
        }
        return database;
    }
}
