package yardstick.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server of the service's own, from the embedded binaries, keeping its cluster
 * in a data directory that outlives the process. Used when no database URL is configured.
 *
 * <p>The embedded library starts PostgreSQL with fsync and synchronous commit off, which suits
 * throw-away test databases; a service's records must survive a crash, so both are turned on.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(1);
    /**
     * Set as the JVM begins to exit, when the embedded library's own shutdown hook stops the server: a
     * server stopped then has not gone, and is not started again behind the exiting service's back.
     */
    private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SHUTTING_DOWN.set(true), "embedded-database-shutdown"));
    }

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;
    /**
     * The running postmaster, found once it has started. Whether it has gone is asked of it alone:
     * a check that read {@code postmaster.pid} or {@code /proc} again under load, short of file
     * descriptors, took a server that was serving for one that had gone and restarted it.
     */
    private ProcessHandle postmaster;
    /** Whether the server should be running: from {@link #start()} until {@link #stop()}. */
    private boolean wanted;

    private EmbeddedDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on the cluster in {@code dataDirectory}, creating the cluster the first
     * time. A server left running by an earlier process that was killed is stopped first.
     *
     * @param port the port to listen on; 0 picks a free one
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        EmbeddedDatabase database = new EmbeddedDatabase(directory, port == 0 ? FreePort.find() : port);
        database.start();
        return database;
    }

    /** Starts the server again after {@link #stop()}, on the same port and cluster. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        wanted = true;
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer();
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(STARTUP_WAIT)
                    .start();
            postmaster = orphanedPostmaster(dataDirectory).orElse(null);
            LOG.info("PostgreSQL started on port {} with its data in {}", port, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Stops the server (a fast shutdown), keeping its data. */
    public synchronized void stop() {
        wanted = false;
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL in " + dataDirectory, e);
        } finally {
            server = null;
            postmaster = null;
        }
        LOG.info("PostgreSQL stopped ({})", dataDirectory);
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether the server should be running but its postmaster has gone (killed, or crashed). */
    public synchronized boolean hasGone() {
        return wanted && !SHUTTING_DOWN.get() && (server == null || (postmaster != null && !postmaster.isAlive()));
    }

    /**
     * Starts the server again if it should be running but its postmaster has gone (killed, or
     * crashed): PostgreSQL replays its write-ahead log, so every committed transaction is there and
     * no other. A deployed database is restarted by whatever runs it; the embedded one has only its
     * service to do so.
     *
     * @return whether it was started again
     */
    public synchronized boolean restartIfGone() {
        if (!hasGone()) {
            return false;
        }
        LOG.warn("PostgreSQL on {} has gone; starting it again", dataDirectory);
        if (server != null) {
            try {
                server.close(); // releases the cluster's lock; stopping what has gone fails, and is logged
            } catch (IOException | RuntimeException e) {
                LOG.debug("the server that went could not be stopped", e);
            }
            server = null;
            postmaster = null;
        }
        try {
            // The dead postmaster's sessions notice and end within moments; until then its shared memory is in use.
            Thread.sleep(RESTART_PAUSE.toMillis());
            if (SHUTTING_DOWN.get()) {
                return false;
            }
            start();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            LOG.warn("PostgreSQL on {} did not start again yet; trying again shortly", dataDirectory, e);
            return false;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * A service killed with {@code kill -9} leaves its PostgreSQL running and holding
     * {@code postmaster.pid}; a new server on the same cluster would refuse to start, or the
     * readiness check would silently connect to the old one. Stop that server first.
     */
    private void stopOrphanedServer() {
        Optional<ProcessHandle> orphan = orphanedPostmaster(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier process", postmaster.pid(), dataDirectory);
        fastShutdown(postmaster);
        try {
            postmaster.onExit().get(ORPHAN_STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("PostgreSQL (pid {}) did not stop within {}; killing it", postmaster.pid(), ORPHAN_STOP_WAIT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SIGINT, PostgreSQL's fast shutdown: it ends the sessions and stops cleanly. (SIGTERM, all
     * that ProcessHandle sends, is the smart shutdown, which can wait on sessions indefinitely.)
     */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            int exit = new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).inheritIO().start().waitFor();
            if (exit == 0) {
                return;
            }
        } catch (IOException e) {
            LOG.debug("no kill command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }

    /** The live postmaster named by the cluster's {@code postmaster.pid}, if it serves this cluster. */
    static Optional<ProcessHandle> orphanedPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Path servedDirectory = Path.of(lines.get(1).trim()).toAbsolutePath().normalize();
        if (!servedDirectory.equals(dataDirectory)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }
}
