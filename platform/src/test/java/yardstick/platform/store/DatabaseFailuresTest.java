package yardstick.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yardstick.platform.database.EmbeddedDatabase;
import yardstick.platform.testing.TestDatabase;
import yardstick.platform.grpc.Failures;

/**
 * The failures a real PostgreSQL raises when it goes away or aborts a transaction are answered
 * UNAVAILABLE, which clients retry (AIP-194); a fault of the service's own is still INTERNAL.
 */
class DatabaseFailuresTest {

    private static EmbeddedDatabase database;

    @BeforeAll
    static void start() {
        database = TestDatabase.embedded();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aSessionTheAdministratorTerminatesIsAnsweredUnavailableWithRetryInfo() throws Exception {
        SQLException failure;
        try (Connection victim = connect(); Connection administrator = connect();
             Statement statement = administrator.createStatement()) {
            statement.execute("select pg_terminate_backend(" + backendPid(victim) + ")");
            failure = assertThrows(SQLException.class, () -> victim.createStatement().execute("select 1"));
        }
        StatusRuntimeException answer = Failures.status(new IllegalStateException("query failed", failure));
        assertEquals(Status.Code.UNAVAILABLE, answer.getStatus().getCode(), failure.getSQLState());
        assertTrue(StatusProto.fromThrowable(answer).getDetailsList().stream().anyMatch(d -> d.is(com.google.rpc.RetryInfo.class)),
                "the answer says when to retry");
    }

    @Test
    void aDatabaseThatIsDownIsAnsweredUnavailable() {
        database.stop();
        try {
            SQLException failure = assertThrows(SQLException.class, DatabaseFailuresTest::connect);
            assertEquals(Status.Code.UNAVAILABLE, Failures.status(new RuntimeException(failure)).getStatus().getCode(), failure.getSQLState());
        } finally {
            database.start();
        }
    }

    @Test
    void aTransactionAbortedToBreakADeadlockIsAnsweredUnavailable() throws Exception {
        try (Connection setup = connect(); Statement statement = setup.createStatement()) {
            statement.execute("create table if not exists deadlocked (id int primary key, value int)");
            statement.execute("insert into deadlocked values (1, 0), (2, 0) on conflict do nothing");
        }
        try (Connection first = connect(); Connection second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            first.createStatement().execute("update deadlocked set value = 1 where id = 1");
            second.createStatement().execute("update deadlocked set value = 2 where id = 2");
            CountDownLatch secondWaits = new CountDownLatch(1);
            CompletableFuture<SQLException> secondFailure = CompletableFuture.supplyAsync(() -> {
                try {
                    secondWaits.countDown();
                    second.createStatement().execute("update deadlocked set value = 2 where id = 1");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            assertTrue(secondWaits.await(10, TimeUnit.SECONDS));
            SQLException firstFailure = null;
            try {
                first.createStatement().execute("update deadlocked set value = 1 where id = 2");
            } catch (SQLException e) {
                firstFailure = e;
            }
            SQLException deadlock = firstFailure != null ? firstFailure : secondFailure.get(30, TimeUnit.SECONDS);
            assertEquals("40P01", deadlock.getSQLState(), "one of the two is chosen to break the deadlock");
            assertEquals(Status.Code.UNAVAILABLE, Failures.status(deadlock).getStatus().getCode());
            first.rollback();
            second.rollback();
        }
    }

    @Test
    void aConnectionThatBrokeUnderATransactionIsAnsweredUnavailable() throws Exception {
        SQLException closed;
        com.zaxxer.hikari.HikariConfig settings = new com.zaxxer.hikari.HikariConfig();
        settings.setJdbcUrl(database.jdbcUrl());
        settings.setUsername(database.username());
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(settings)) {
            Connection connection = pool.getConnection();
            connection.close();
            closed = assertThrows(SQLException.class, () -> connection.setAutoCommit(true), "the pool's connection is closed");
        }
        // As Micronaut reports a broken connection when it ends the transaction, in place of what broke it.
        RuntimeException failure = new io.micronaut.data.connection.exceptions.ConnectionException("Failed to set auto-commit", closed);
        assertEquals(Status.Code.UNAVAILABLE, Failures.status(failure).getStatus().getCode());
        assertEquals(Status.Code.INTERNAL, Failures.status(new io.micronaut.data.connection.exceptions.NoConnectionException())
                .getStatus().getCode(), "no connection because no transaction was begun is a fault of the service's");
    }

    @Test
    void aBrokenConstraintIsStillInternalWithoutItsMessage() throws Exception {
        SQLException failure;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists unique_references (reference text primary key)");
            statement.execute("insert into unique_references values ('YJS-0042') on conflict do nothing");
            failure = assertThrows(SQLException.class, () -> statement.execute("insert into unique_references values ('YJS-0042')"));
        }
        StatusRuntimeException answer = Failures.status(new IllegalStateException("statement failed", failure));
        assertEquals(Status.Code.INTERNAL, answer.getStatus().getCode());
        assertFalse(answer.getStatus().getDescription().contains("YJS-0042"), "no case value leaves the service");
        assertFalse(DatabaseFailures.isPassing(failure));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            var row = statement.executeQuery("select pg_backend_pid()");
            row.next();
            return row.getInt(1);
        }
    }
}
