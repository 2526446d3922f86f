package yardstick.reports.store;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import yardstick.platform.store.Jdbc;
import yardstick.reports.domain.VersionOfReport;

/** Reports and their versions: each version stored whole, never changed; the report row says which is latest. */
@Singleton
public class ReportStore {

    private static final String SELECT_VERSION = "select v.report_id, v.version, v.body, v.updated_by, v.update_time, v.correction_note, "
            + "exists (select 1 from publication p where p.report_id = v.report_id and p.report_version = v.version) as published "
            + "from report_version v ";

    private final Jdbc jdbc;

    ReportStore(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** A new report and its first version. Runs in the caller's transaction when there is one. */
    @Transactional
    public void add(UUID id, String inspection, byte[] body, String updatedBy, Instant createTime) {
        jdbc.execute("insert into report (id, inspection, latest_version, create_time) values (?, ?, 1, ?)", id, inspection,
                Timestamp.from(createTime));
        jdbc.execute("insert into report_version (report_id, version, body, updated_by, update_time) values (?, 1, ?, ?, ?)", id, body,
                updatedBy, Timestamp.from(createTime));
    }

    /**
     * Claims {@code inspection} for the report {@code id}, to be added in this transaction: false if
     * the inspection has its report already (a concurrent claim waits for the first to end).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean claimInspection(String inspection, UUID id) {
        return jdbc.execute("insert into inspection_report (inspection, report_id) values (?, ?) on conflict do nothing", inspection, id) == 1;
    }

    /** The inspection's report, if it has one. */
    @Transactional(readOnly = true)
    public Optional<UUID> reportOf(String inspection) {
        return jdbc.query("select report_id from inspection_report where inspection = ?", row -> row.getObject(1, UUID.class), inspection)
                .stream().findFirst();
    }

    /** The latest version, with the report row locked until the transaction ends, so that the next version is added once. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<VersionOfReport> latestForUpdate(UUID id) {
        List<Integer> latest = jdbc.query("select latest_version from report where id = ? for update", row -> row.getInt(1), id);
        return latest.isEmpty() ? Optional.empty() : version(id, latest.get(0));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addVersion(UUID id, int version, byte[] body, String updatedBy, Instant updateTime, String correctionNote) {
        jdbc.execute("insert into report_version (report_id, version, body, updated_by, update_time, correction_note) values (?, ?, ?, ?, ?, ?)",
                id, version, body, updatedBy, Timestamp.from(updateTime), correctionNote);
        jdbc.execute("update report set latest_version = ? where id = ?", version, id);
    }

    @Transactional(readOnly = true)
    public Optional<VersionOfReport> latest(UUID id) {
        return jdbc.query(SELECT_VERSION + "join report r on r.id = v.report_id and r.latest_version = v.version where r.id = ?",
                ReportStore::row, id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<VersionOfReport> version(UUID id, int version) {
        return jdbc.query(SELECT_VERSION + "where v.report_id = ? and v.version = ?", ReportStore::row, id, version).stream().findFirst();
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<VersionOfReport> versions(UUID id) {
        return jdbc.query(SELECT_VERSION + "where v.report_id = ? order by v.version desc", ReportStore::row, id);
    }

    private static VersionOfReport row(ResultSet row) throws SQLException {
        return new VersionOfReport(row.getObject(1, UUID.class), row.getInt(2), row.getBytes(3), row.getString(4),
                row.getTimestamp(5).toInstant(), row.getString(6), row.getBoolean(7));
    }
}
