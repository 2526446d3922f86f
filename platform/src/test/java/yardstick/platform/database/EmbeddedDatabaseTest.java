package yardstick.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.ScratchDirectories;

class EmbeddedDatabaseTest {

    private Path directory;
    private EmbeddedDatabase database;

    @BeforeEach
    void start() throws Exception {
        directory = ScratchDirectories.fresh(Path.of("target", "test-databases"), "embedded-");
        database = EmbeddedDatabase.start(directory.resolve("postgres"), 0);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void commitsAreDurable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                ResultSet value = statement.executeQuery("show " + setting);
                value.next();
                assertEquals("on", value.getString(1), setting);
            }
        }
    }

    @Test
    void keepsItsRecordsAcrossARestartOnTheSamePort() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table kept (reference text)");
            statement.execute("insert into kept values ('YJS-0001')");
        }
        int port = database.port();
        database.stop();
        database.start();
        assertEquals(port, database.port());
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("select reference from kept");
            assertTrue(rows.next());
            assertEquals("YJS-0001", rows.getString(1));
        }
    }

    @Test
    void aPostmasterKilledWithKillNineIsStartedAgainWithEveryCommittedRecord() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table kept (reference text)");
            statement.execute("insert into kept values ('YJS-0002')");
        }
        assertFalse(database.restartIfGone(), "a running server is left alone");
        ProcessHandle postmaster = EmbeddedDatabase.orphanedPostmaster(database.dataDirectory()).orElseThrow();
        int exit = new ProcessBuilder("kill", "-9", String.valueOf(postmaster.pid())).inheritIO().start().waitFor();
        assertEquals(0, exit);
        postmaster.onExit().join();

        assertTrue(database.restartIfGone(), "the server that went is started again");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("select reference from kept");
            assertTrue(rows.next(), "the record committed before kill -9 is kept");
            assertEquals("YJS-0002", rows.getString(1));
        }
        database.stop();
        assertFalse(database.restartIfGone(), "a server stopped on purpose stays stopped");
    }

    @Test
    void aServerThatServesIsNotTakenForGoneWhenItsLockFileCannotBeRead() throws Exception {
        // Under load, short of file descriptors, postmaster.pid could not be read, and a serving server was restarted.
        Path lockFile = database.dataDirectory().resolve("postmaster.pid");
        Path aside = database.dataDirectory().resolve("postmaster.pid.aside");
        Files.move(lockFile, aside);
        try {
            assertFalse(database.hasGone(), "the postmaster is alive: the server has not gone");
            assertFalse(database.restartIfGone(), "and is left alone");
        } finally {
            Files.move(aside, lockFile);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertTrue(statement.executeQuery("select 1").next(), "the same server still answers");
        }
    }

    @Test
    void recognisesTheLivePostmasterOfItsClusterAndNoneOnceStopped() {
        // What a restart after kill -9 relies on: the postmaster named in postmaster.pid is found.
        assertTrue(EmbeddedDatabase.orphanedPostmaster(database.dataDirectory()).isPresent());
        database.stop();
        assertTrue(EmbeddedDatabase.orphanedPostmaster(database.dataDirectory()).isEmpty());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
    }
}
