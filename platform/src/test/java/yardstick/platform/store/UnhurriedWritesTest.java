package yardstick.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.platform.database.EmbeddedDatabase;
import yardstick.platform.testing.TestDatabase;

/** Writes that need not wait for the disk: all their rows or none, and the setting stays theirs. */
class UnhurriedWritesTest {

    private static EmbeddedDatabase database;
    private static HikariDataSource pool;
    private static Jdbc jdbc;
    private static UnhurriedWrites unhurried;

    @BeforeAll
    static void start() {
        database = TestDatabase.embedded();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        // One connection: what a write left on it would be what the next borrower gets.
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        jdbc = new Jdbc(pool);
        unhurried = new UnhurriedWrites(pool, "test");
    }

    @AfterAll
    static void stop() {
        unhurried.close();
        pool.close();
        database.close();
    }

    @BeforeEach
    void emptyTable() {
        jdbc.execute("drop table if exists entry");
        jdbc.execute("create table entry (reference text primary key, commit_setting text default current_setting('synchronous_commit'))");
    }

    @Test
    void everyRowIsStoredWithoutWaitingForTheDiskAndTheServicesOwnPoolStillWaits() {
        unhurried.store("insert into entry (reference) values (?)",
                List.of(new Object[] {"E-1"}, new Object[] {"E-2"}, new Object[] {"E-3"}));

        assertEquals(List.of("E-1 off", "E-2 off", "E-3 off"),
                jdbc.query("select reference || ' ' || commit_setting from entry order by reference", row -> row.getString(1)));
        assertEquals(List.of("on"), jdbc.query("show synchronous_commit", row -> row.getString(1)),
                "the service's own pool still waits for the disk");
    }

    @Test
    void aConnectionLostIsReplacedByOneThatStillDoesNotWait() {
        unhurried.store("insert into entry (reference) values (?)", List.<Object[]>of(new Object[] {"E-8"}));
        jdbc.execute("delete from entry");
        // The only other session is the unhurried connection: the service's pool has one, and it is asking.
        assertEquals(List.of(true), jdbc.query("select pg_terminate_backend(pid) from pg_stat_activity "
                + "where pid <> pg_backend_pid() and backend_type = 'client backend'", r -> r.getBoolean(1)));
        List<Object[]> row = List.<Object[]>of(new Object[] {"E-9"});
        // The pool finds its connection gone, or the first write fails on it; the next is on a new one.
        try {
            unhurried.store("insert into entry (reference) values (?)", row);
        } catch (IllegalStateException lost) {
            unhurried.store("insert into entry (reference) values (?)", row);
        }

        assertEquals(List.of("E-9 off"), jdbc.query("select reference || ' ' || commit_setting from entry", r -> r.getString(1)));
    }

    @Test
    void aBatchWithOneBadRowStoresNone() {
        assertThrows(IllegalStateException.class, () -> unhurried.store("insert into entry (reference) values (?)",
                List.of(new Object[] {"E-1"}, new Object[] {"E-1"})));

        assertEquals(List.of(0L), jdbc.query("select count(*) from entry", row -> row.getLong(1)));
        assertEquals(List.of("on"), jdbc.query("show synchronous_commit", row -> row.getString(1)));
    }
}
