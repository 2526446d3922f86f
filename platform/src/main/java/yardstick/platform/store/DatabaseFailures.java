package yardstick.platform.store;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Which database failures are passing: the database was unreachable, restarting, or shut the
 * session down, or it aborted the transaction to break a deadlock or keep transactions
 * serializable. A use case's transaction failed by one of these was rolled back whole (or, if the
 * connection dropped during the commit, committed whole), so the same request may simply be sent
 * again; with its request_id a retry answers the first answer. Anything else (a broken constraint,
 * bad SQL) is a fault in the service, which a retry would only repeat.
 */
public final class DatabaseFailures {

    /** SQLState classes and codes (PostgreSQL's appendix A) that a later attempt can get past. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final Set<String> PASSING_STATES = Set.of(
            "57P01", // admin_shutdown: pg_terminate_backend, or a fast shutdown
            "57P02", // crash_shutdown: another backend crashed and the server is resetting
            "57P03", // cannot_connect_now: the server is starting up or recovering
            "53300", // too_many_connections
            "40001", // serialization_failure
            "40P01"); // deadlock_detected

    private DatabaseFailures() {
    }

    /** Whether {@code failure}, or anything it was caused by, is a database failure a retry can get past. */
    public static boolean isPassing(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return isPassing(failure, seen);
    }

    private static boolean isPassing(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof SQLException sql && isPassing(sql)) {
            return true;
        }
        // The connection failed under the transaction: Micronaut reports the pool's "connection is closed"
        // (no SQLState) when it restores a broken connection's settings, in place of the failure that broke it.
        if (failure instanceof ConnectionException && !(failure instanceof NoConnectionException)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isPassing(suppressed, seen)) {
                return true;
            }
        }
        if (failure instanceof SQLException sql && isPassing(sql.getNextException(), seen)) {
            return true;
        }
        return isPassing(failure.getCause(), seen);
    }

    private static boolean isPassing(SQLException failure) {
        String state = failure.getSQLState();
        if (state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || PASSING_STATES.contains(state))) {
            return true;
        }
        // The pool's "no connection within the timeout" carries no state when it never reached the server.
        return failure instanceof SQLTransientException || failure instanceof SQLRecoverableException;
    }
}
