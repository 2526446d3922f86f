package yardstick.platform.audit;

import java.sql.SQLException;

/**
 * A failure fit for the log: its exception types and stack traces, without their messages.
 * Messages can quote data (PostgreSQL's "Key (reference)=(...) already exists", a value that
 * failed to parse), and no log line may hold a case field's value.
 */
public final class WithoutValues extends RuntimeException {

    private WithoutValues(Throwable failure, Throwable cause) {
        super(describe(failure), cause, false, true);
        setStackTrace(failure.getStackTrace());
    }

    public static WithoutValues of(Throwable failure) {
        return new WithoutValues(failure, failure.getCause() == null || failure.getCause() == failure
                ? null : of(failure.getCause()));
    }

    private static String describe(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return failure.getClass().getName() + " (SQLState " + sql.getSQLState() + ")";
        }
        return failure.getClass().getName();
    }
}
