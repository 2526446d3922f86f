package yardstick.ratings.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import yardstick.platform.store.Jdbc;
import yardstick.ratings.domain.DiscretionGround;
import yardstick.ratings.domain.Rating;

/** rating-service's records: qualitative ratings and discretion decisions as recorded acts, and rating snapshots. */
@Singleton
public class RatingRecords {

    public record QualitativeAct(String inspection, String standard, Rating rating, String rationale, String evidence,
                                 String recordedBy, Instant recordTime) {
    }

    public record DiscretionAct(String inspection, String standard, Rating from, Rating to, List<DiscretionGround> grounds,
                                String rationale, String recordedBy, Instant recordTime) {
    }

    public record Snapshot(String inspection, int number, String framework, byte[] inputs, byte[] ratings, int submittedCases,
                           String requestedBy, Instant createTime) {
    }

    private final Jdbc jdbc;

    RatingRecords(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Now, as the records keep time: to the microsecond. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional
    public void add(QualitativeAct act) {
        jdbc.execute("insert into qualitative_rating_act (inspection, standard, rating, rationale, evidence, recorded_by, record_time) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", act.inspection(), act.standard(), act.rating().name(), act.rationale(), act.evidence(),
                act.recordedBy(), Timestamp.from(act.recordTime()));
    }

    @Transactional
    public void add(DiscretionAct act) {
        jdbc.execute("insert into discretion_decision_act (inspection, standard, from_rating, to_rating, grounds, rationale, recorded_by, "
                        + "record_time) values (?, ?, ?, ?, ?, ?, ?, ?)", act.inspection(), act.standard(), act.from().name(),
                act.to().name(), grounds(act.grounds()), act.rationale(), act.recordedBy(), Timestamp.from(act.recordTime()));
    }

    /** The latest qualitative rating of each standard. */
    @Transactional(readOnly = true)
    public List<QualitativeAct> qualitativeInForce(String inspection) {
        return jdbc.query("select distinct on (standard) * from qualitative_rating_act where inspection = ? order by standard, id desc",
                row -> new QualitativeAct(row.getString("inspection"), row.getString("standard"), Rating.valueOf(row.getString("rating")),
                        row.getString("rationale"), row.getString("evidence"), row.getString("recorded_by"),
                        row.getTimestamp("record_time").toInstant()), inspection);
    }

    /** The latest discretion decision on each standard. */
    @Transactional(readOnly = true)
    public List<DiscretionAct> discretionInForce(String inspection) {
        return jdbc.query("select distinct on (standard) * from discretion_decision_act where inspection = ? order by standard, id desc",
                row -> new DiscretionAct(row.getString("inspection"), row.getString("standard"),
                        Rating.valueOf(row.getString("from_rating")), Rating.valueOf(row.getString("to_rating")),
                        grounds(row.getString("grounds")), row.getString("rationale"), row.getString("recorded_by"),
                        row.getTimestamp("record_time").toInstant()), inspection);
    }

    /** Stores the inspection's next snapshot, numbered after the last. */
    @Transactional
    public Snapshot addSnapshot(String inspection, String framework, byte[] inputs, byte[] ratings, int submittedCases,
                                String requestedBy, Instant now) {
        jdbc.execute("select pg_advisory_xact_lock(hashtext(?))", inspection);
        int number = jdbc.query("select coalesce(max(number), 0) + 1 from rating_snapshot where inspection = ?", row -> row.getInt(1),
                inspection).get(0);
        jdbc.execute("insert into rating_snapshot (inspection, number, framework, inputs, ratings, submitted_cases, requested_by, create_time) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", inspection, number, framework, inputs, ratings, submittedCases, requestedBy,
                Timestamp.from(now));
        return new Snapshot(inspection, number, framework, inputs, ratings, submittedCases, requestedBy, now);
    }

    @Transactional(readOnly = true)
    public Optional<Snapshot> snapshot(String inspection, int number) {
        return jdbc.query("select * from rating_snapshot where inspection = ? and number = ?", RatingRecords::snapshot, inspection, number)
                .stream().findFirst();
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<Snapshot> snapshots(String inspection, int offset, int limit) {
        return jdbc.query("select * from rating_snapshot where inspection = ? order by number desc offset ? limit ?", RatingRecords::snapshot,
                inspection, offset, limit);
    }

    // The grounds column is text, the grounds' names joined by commas; kept so to need no migration of recorded acts.
    private static String grounds(List<DiscretionGround> grounds) {
        return grounds.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static List<DiscretionGround> grounds(String column) {
        return Arrays.stream(column.split(",")).filter(g -> !g.isBlank()).map(DiscretionGround::valueOf).toList();
    }

    private static Snapshot snapshot(ResultSet row) throws SQLException {
        return new Snapshot(row.getString("inspection"), row.getInt("number"), row.getString("framework"), row.getBytes("inputs"),
                row.getBytes("ratings"), row.getInt("submitted_cases"), row.getString("requested_by"),
                row.getTimestamp("create_time").toInstant());
    }
}
