package yardstick.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain SQL on a service's data source, inside whatever transaction the caller holds (the data
 * source hands out the transaction's connection). A failure is unexpected, so it is unchecked.
 */
public final class Jdbc {

    /** Reads one row into a value. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Runs a statement; the number of rows it changed. */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
            return Math.max(0, statement.getUpdateCount());
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /**
     * Runs a statement once for each of {@code rows} (its parameters), sent to the server together
     * in one round trip, inside whatever transaction the caller holds; the number of rows changed.
     */
    public int executeBatch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            return batch(statement, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    private static int batch(PreparedStatement statement, List<Object[]> rows) throws SQLException {
        for (Object[] parameters : rows) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.addBatch();
        }
        int changed = 0;
        for (int count : statement.executeBatch()) {
            changed += Math.max(0, count);
        }
        return changed;
    }

    /**
     * A list of text as a PostgreSQL array literal, each element quoted, for a parameter cast
     * {@code ?::text[]} (the driver sends a {@code String[]} as a scalar).
     */
    public static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /**
     * Runs a statement once for each of {@code rows} (its parameters), sent together, in a transaction
     * of its own: for a data source that is a pool, not one that hands out a caller's transaction.
     */
    void executeInATransactionOfItsOwn(String sql, List<Object[]> rows) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                batch(statement, rows);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
