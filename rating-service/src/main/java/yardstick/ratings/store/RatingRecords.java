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

/**
 * rating-service's records: qualitative ratings and discretion decisions as recorded acts, each
 * in force until its ending (withdrawn, or superseded by a later act) is recorded beside it; and
 * rating snapshots.
 */
@Singleton
public class RatingRecords {

    /** How an act stopped being in force; {@code supersededBy} is empty when it was withdrawn. */
    public record Ending(String reason, String endedBy, Instant endTime, Optional<Long> supersededBy) {
    }

    /** @param id 0 until stored; {@code supersedes} and {@code ending} are read, never written, with the act */
    public record QualitativeAct(long id, String inspection, String standard, Rating rating, String rationale, String evidence,
                                 String recordedBy, Instant recordTime, Optional<Long> supersedes, Optional<Ending> ending) {
    }

    /** @param id 0 until stored; {@code supersedes} and {@code ending} are read, never written, with the act */
    public record DiscretionAct(long id, String inspection, String standard, Rating from, Rating to, List<DiscretionGround> grounds,
                                String rationale, String recordedBy, Instant recordTime, Optional<Long> supersedes,
                                Optional<Ending> ending) {
    }

    /** @param actsInForce the acts in force when it was computed, as the contract's message; null for snapshots taken before */
    public record Snapshot(String inspection, int number, String framework, byte[] inputs, byte[] ratings, int submittedCases,
                           String requestedBy, Instant createTime, byte[] actsInForce, int resettlementCases) {
    }

    /** One kind of act: its table and the table of its endings. */
    private record Kind(String acts, String endings) {

        /** Every act, with what it supersedes and its ending, if any. */
        String select() {
            return "select a.*, s.act_id as supersedes, e.reason as end_reason, e.ended_by, e.end_time, e.superseded_by "
                    + "from " + acts + " a left join " + endings + " e on e.act_id = a.id "
                    + "left join " + endings + " s on s.superseded_by = a.id ";
        }
    }

    private static final Kind QUALITATIVE = new Kind("qualitative_rating_act", "qualitative_rating_end");
    private static final Kind DISCRETION = new Kind("discretion_decision_act", "discretion_decision_end");

    private final Jdbc jdbc;

    RatingRecords(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Now, as the records keep time: to the microsecond. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Holds the inspection's acts and snapshots for the rest of the transaction, so that what is in
     * force is read and changed by one writer at a time.
     */
    @Transactional
    public void lock(String inspection) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", row -> 1, inspection);
    }

    /** Stores the act; the stored act, with its id. */
    @Transactional
    public QualitativeAct add(QualitativeAct act) {
        long id = jdbc.query("insert into qualitative_rating_act (inspection, standard, rating, rationale, evidence, recorded_by, record_time) "
                        + "values (?, ?, ?, ?, ?, ?, ?) returning id", row -> row.getLong(1), act.inspection(), act.standard(),
                act.rating().name(), act.rationale(), act.evidence(), act.recordedBy(), Timestamp.from(act.recordTime())).get(0);
        return new QualitativeAct(id, act.inspection(), act.standard(), act.rating(), act.rationale(), act.evidence(), act.recordedBy(),
                act.recordTime(), act.supersedes(), Optional.empty());
    }

    /** Stores the act; the stored act, with its id. */
    @Transactional
    public DiscretionAct add(DiscretionAct act) {
        long id = jdbc.query("insert into discretion_decision_act (inspection, standard, from_rating, to_rating, grounds, rationale, "
                        + "recorded_by, record_time) values (?, ?, ?, ?, ?, ?, ?, ?) returning id", row -> row.getLong(1),
                act.inspection(), act.standard(), act.from().name(), act.to().name(), grounds(act.grounds()), act.rationale(),
                act.recordedBy(), Timestamp.from(act.recordTime())).get(0);
        return new DiscretionAct(id, act.inspection(), act.standard(), act.from(), act.to(), act.grounds(), act.rationale(),
                act.recordedBy(), act.recordTime(), act.supersedes(), Optional.empty());
    }

    /** Records that the qualitative rating {@code id} is no longer in force. */
    @Transactional
    public void endQualitative(long id, Ending ending) {
        end(QUALITATIVE, id, ending);
    }

    /** Records that the discretion decision {@code id} is no longer in force. */
    @Transactional
    public void endDiscretion(long id, Ending ending) {
        end(DISCRETION, id, ending);
    }

    /** The qualitative ratings in force, at most one per standard, by standard. */
    @Transactional(readOnly = true)
    public List<QualitativeAct> qualitativeInForce(String inspection) {
        return jdbc.query(QUALITATIVE.select() + "where a.inspection = ? and e.act_id is null order by a.standard, a.id",
                RatingRecords::qualitative, inspection);
    }

    /** The discretion decisions in force, at most one per standard, by standard. */
    @Transactional(readOnly = true)
    public List<DiscretionAct> discretionInForce(String inspection) {
        return jdbc.query(DISCRETION.select() + "where a.inspection = ? and e.act_id is null order by a.standard, a.id",
                RatingRecords::discretion, inspection);
    }

    /** Every qualitative rating recorded for the inspection, oldest first. */
    @Transactional(readOnly = true)
    public List<QualitativeAct> qualitativeHistory(String inspection) {
        return jdbc.query(QUALITATIVE.select() + "where a.inspection = ? order by a.id", RatingRecords::qualitative, inspection);
    }

    /** Every discretion decision recorded for the inspection, oldest first. */
    @Transactional(readOnly = true)
    public List<DiscretionAct> discretionHistory(String inspection) {
        return jdbc.query(DISCRETION.select() + "where a.inspection = ? order by a.id", RatingRecords::discretion, inspection);
    }

    @Transactional(readOnly = true)
    public Optional<QualitativeAct> qualitative(String inspection, long id) {
        return jdbc.query(QUALITATIVE.select() + "where a.inspection = ? and a.id = ?", RatingRecords::qualitative, inspection, id)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<DiscretionAct> discretion(String inspection, long id) {
        return jdbc.query(DISCRETION.select() + "where a.inspection = ? and a.id = ?", RatingRecords::discretion, inspection, id)
                .stream().findFirst();
    }

    /** Stores the inspection's next snapshot, numbered after the last. */
    @Transactional
    public Snapshot addSnapshot(String inspection, String framework, byte[] inputs, byte[] ratings, int submittedCases,
                                String requestedBy, Instant now, byte[] actsInForce, int resettlementCases) {
        lock(inspection);
        int number = jdbc.query("select coalesce(max(number), 0) + 1 from rating_snapshot where inspection = ?", row -> row.getInt(1),
                inspection).get(0);
        jdbc.execute("insert into rating_snapshot (inspection, number, framework, inputs, ratings, submitted_cases, requested_by, create_time, "
                        + "acts_in_force, resettlement_cases) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inspection, number, framework, inputs,
                ratings, submittedCases, requestedBy, Timestamp.from(now), actsInForce, resettlementCases);
        return new Snapshot(inspection, number, framework, inputs, ratings, submittedCases, requestedBy, now, actsInForce, resettlementCases);
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

    private void end(Kind kind, long id, Ending ending) {
        jdbc.execute("insert into " + kind.endings() + " (act_id, superseded_by, reason, ended_by, end_time) values (?, ?, ?, ?, ?)", id,
                ending.supersededBy().orElse(null), ending.reason(), ending.endedBy(), Timestamp.from(ending.endTime()));
    }

    // The grounds column is text, the grounds' names joined by commas; kept so to need no migration of recorded acts.
    private static String grounds(List<DiscretionGround> grounds) {
        return grounds.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static List<DiscretionGround> grounds(String column) {
        return Arrays.stream(column.split(",")).filter(g -> !g.isBlank()).map(DiscretionGround::valueOf).toList();
    }

    private static QualitativeAct qualitative(ResultSet row) throws SQLException {
        return new QualitativeAct(row.getLong("id"), row.getString("inspection"), row.getString("standard"),
                Rating.valueOf(row.getString("rating")), row.getString("rationale"), row.getString("evidence"), row.getString("recorded_by"),
                row.getTimestamp("record_time").toInstant(), supersedes(row), ending(row));
    }

    private static DiscretionAct discretion(ResultSet row) throws SQLException {
        return new DiscretionAct(row.getLong("id"), row.getString("inspection"), row.getString("standard"),
                Rating.valueOf(row.getString("from_rating")), Rating.valueOf(row.getString("to_rating")), grounds(row.getString("grounds")),
                row.getString("rationale"), row.getString("recorded_by"), row.getTimestamp("record_time").toInstant(), supersedes(row),
                ending(row));
    }

    private static Optional<Long> supersedes(ResultSet row) throws SQLException {
        long id = row.getLong("supersedes");
        return row.wasNull() ? Optional.empty() : Optional.of(id);
    }

    private static Optional<Ending> ending(ResultSet row) throws SQLException {
        Timestamp ended = row.getTimestamp("end_time");
        if (ended == null) {
            return Optional.empty();
        }
        long by = row.getLong("superseded_by");
        Optional<Long> supersededBy = row.wasNull() ? Optional.empty() : Optional.of(by);
        return Optional.of(new Ending(row.getString("end_reason"), row.getString("ended_by"), ended.toInstant(), supersededBy));
    }

    private static Snapshot snapshot(ResultSet row) throws SQLException {
        return new Snapshot(row.getString("inspection"), row.getInt("number"), row.getString("framework"), row.getBytes("inputs"),
                row.getBytes("ratings"), row.getInt("submitted_cases"), row.getString("requested_by"),
                row.getTimestamp("create_time").toInstant(), row.getBytes("acts_in_force"), row.getInt("resettlement_cases"));
    }
}
