package yardstick.reports.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Report drafts, each stored whole as assembled. */
@Singleton
public class ReportStore {

    private final DataSource dataSource;

    ReportStore(@Named("default") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public void add(UUID id, String inspection, byte[] body, Instant createTime) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into report (id, inspection, version, body, create_time) values (?, ?, 1, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, inspection);
            insert.setBytes(3, body);
            insert.setTimestamp(4, Timestamp.from(createTime));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> body(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select body from report where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
