package yardstick.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.platform.database.EmbeddedDatabase;

/** Writes that need not wait for the disk: all their rows or none, and the setting stays theirs. */
class JdbcTest {

    private static EmbeddedDatabase database;
    private static HikariDataSource pool;
    private static Jdbc jdbc;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of("target", "test-databases").toAbsolutePath();
        Files.createDirectories(root);
        database = EmbeddedDatabase.start(Files.createTempDirectory(root, "jdbc-").resolve("postgres"), 0);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        // One connection: what a write leaves on it is what the next borrower gets.
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        jdbc = new Jdbc(pool);
    }

    @AfterAll
    static void stop() {
        pool.close();
        database.close();
    }

    @BeforeEach
    void emptyTable() {
        jdbc.execute("drop table if exists entry");
        jdbc.execute("create table entry (reference text primary key, commit_setting text default current_setting('synchronous_commit'))");
    }

    @Test
    void everyRowIsStoredWithoutWaitingForTheDiskAndTheNextBorrowerStillWaits() {
        int stored = jdbc.executeWithoutWaitingForTheDisk("insert into entry (reference) values (?)",
                List.of(new Object[] {"E-1"}, new Object[] {"E-2"}, new Object[] {"E-3"}));

        assertEquals(3, stored);
        assertEquals(List.of("E-1 off", "E-2 off", "E-3 off"),
                jdbc.query("select reference || ' ' || commit_setting from entry order by reference", row -> row.getString(1)));
        assertEquals(List.of("on"), jdbc.query("show synchronous_commit", row -> row.getString(1)),
                "the setting was the write's transaction's alone");
    }

    @Test
    void aBatchWithOneBadRowStoresNone() {
        assertThrows(IllegalStateException.class, () -> jdbc.executeWithoutWaitingForTheDisk("insert into entry (reference) values (?)",
                List.of(new Object[] {"E-1"}, new Object[] {"E-1"})));

        assertEquals(List.of(0L), jdbc.query("select count(*) from entry", row -> row.getLong(1)));
        assertEquals(List.of("on"), jdbc.query("show synchronous_commit", row -> row.getString(1)));
    }
}
