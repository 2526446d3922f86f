package yardstick.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * A service's own PostgreSQL, as a process test breaks it: its sessions ended by the administrator,
 * or its postmaster killed with {@code kill -9} (the service then starts it again, as it does a
 * server that has gone, and PostgreSQL recovers the cluster from its log).
 */
final class DatabaseFaults {

    private final Path cluster;
    private final int port;

    private DatabaseFaults(Path cluster, int port) {
        this.cluster = cluster;
        this.port = port;
    }

    /** The database of {@code service} in the suite that {@code environment} describes. */
    static DatabaseFaults of(Service service, Map<String, String> environment) {
        Path data = Path.of(environment.get("YARDSTICK_DATA_DIR"));
        String prefix = service.name().toUpperCase(Locale.ROOT).replace('-', '_');
        return new DatabaseFaults(data.resolve(service.name()).resolve("postgres").toAbsolutePath(),
                Integer.parseInt(environment.get(prefix + "_EMBEDDED_DATABASE_PORT")));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /** {@code pg_terminate_backend} of every client session but this one: the service's pooled connections. */
    int terminateSessions() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet ended = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                     + "where pid <> pg_backend_pid() and backend_type = 'client backend'")) {
            ended.next();
            return ended.getInt(1);
        }
    }

    /** {@code kill -9} of the postmaster; its sessions die with it, as after a crash. */
    void killPostmaster() throws IOException, InterruptedException {
        ProcessHandle postmaster = postmaster();
        ProcessTestSupport.signal("KILL", String.valueOf(postmaster.pid()));
        postmaster.onExit().join();
    }

    private ProcessHandle postmaster() {
        return ProcessTestSupport.processesMentioning("-D " + cluster).stream()
                .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                .filter(p -> p.parent().map(parent -> !parent.info().command().orElse("").endsWith("postgres")).orElse(true))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL serves " + cluster));
    }
}
