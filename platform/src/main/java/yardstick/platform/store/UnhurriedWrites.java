package yardstick.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes that need not hold up the call that makes them, on a connection of their own whose commits
 * do not wait for the write-ahead log to reach the disk ({@code synchronous_commit} off for that
 * session alone): their rows are visible at once and durable within PostgreSQL's WAL writer delay (a
 * fraction of a second), lost only if the server itself crashes in that moment; nothing is ever half
 * written. The service's own pool is untouched, so every other write still waits for the disk.
 *
 * <p>Its own pool of one connection, set up when connected, rather than a {@code set local} in each
 * transaction on the service's pool: that was a round trip of its own, the costliest part of an
 * audit entry's write under load (async-profiler).
 */
public final class UnhurriedWrites implements AutoCloseable {

    private final HikariDataSource pool;
    private final Jdbc jdbc;

    /** On the database of {@code service}'s pool (a Hikari pool, possibly behind Micronaut's transaction-aware wrapper). */
    public UnhurriedWrites(DataSource service, String name) {
        HikariDataSource shared = (HikariDataSource) DelegatingDataSource.unwrapDataSource(service);
        HikariConfig config = new HikariConfig();
        shared.copyStateTo(config);
        config.setPoolName(shared.getPoolName() + "-" + name);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionInitSql("set synchronous_commit to off");
        // A batch of inserts goes as one multi-row insert: one statement for PostgreSQL to run, not one per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Connected when first needed: the service may start while its database is still coming up.
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
        this.jdbc = new Jdbc(pool);
    }

    /**
     * Runs {@code sql} once for each of {@code rows} (its parameters), sent together, in one
     * transaction; an insert's rows go as one statement, so the driver cannot say what each row changed.
     * One row goes as a statement alone, which PostgreSQL commits by itself: one round trip where a
     * transaction took two, and a row is mostly alone unless the service is busy.
     */
    public void store(String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            jdbc.execute(sql, rows.get(0));
        } else {
            jdbc.executeInATransactionOfItsOwn(sql, rows);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
