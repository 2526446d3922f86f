package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service killed with {@code kill -9} leaves its PostgreSQL running and holding
 * {@code postmaster.pid}; started again, it stops that server, starts its own on the same
 * cluster, and every committed record is still there.
 */
class KillNineRestartIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private Path data;
    private ServiceProcess service;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (service != null) {
            service.stop(Duration.ofSeconds(30));
        }
        if (data != null) {
            ProcessTestSupport.killEverythingMentioning(data.toString());
        }
    }

    @Test
    void aServiceKilledWithKillNineRestartsCleanlyWithItsRecords() throws Exception {
        data = ProcessTestSupport.freshDataDirectory("kill-nine");
        Map<String, String> environment = ProcessTestSupport.environment(data);
        int databasePort = Integer.parseInt(environment.get("RATING_SERVICE_EMBEDDED_DATABASE_PORT"));
        Path cluster = data.resolve("rating-service").resolve("postgres");
        Path log = data.resolve("rating-service.log");

        service = start(environment, log);
        assertTrue(service.awaitServing(PATIENCE), "first start");
        try (Connection connection = connect(databasePort); Statement statement = connection.createStatement()) {
            statement.execute("create table kept (reference text)");
            statement.execute("insert into kept values ('YJS-0042')");
        }

        service.kill();
        List<ProcessHandle> orphans = postmasters(cluster);
        assertEquals(1, orphans.size(), "kill -9 leaves the service's PostgreSQL running");
        assertTrue(Files.exists(cluster.resolve("postmaster.pid")));

        service = start(environment, log);
        assertTrue(service.awaitServing(PATIENCE), () -> "restart after kill -9:\n" + read(log));
        assertFalse(orphans.get(0).isAlive(), "the orphaned PostgreSQL was stopped");
        try (Connection connection = connect(databasePort); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("select reference from kept");
            assertTrue(rows.next(), "the record committed before kill -9 is kept");
            assertEquals("YJS-0042", rows.getString(1));
        }

        service.stop(Duration.ofSeconds(30));
        assertEquals(List.of(), postmasters(cluster), "a stopped service leaves no PostgreSQL");
    }

    private ServiceProcess start(Map<String, String> environment, Path log) {
        return ServiceProcess.start(ProcessTestSupport.root(), Service.RATINGS, environment, List.of("-Xmx256m"), line -> append(log, line));
    }

    private static List<ProcessHandle> postmasters(Path cluster) {
        return ProcessTestSupport.processesMentioning("-D " + cluster).stream()
                .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                .toList();
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static synchronized void append(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
