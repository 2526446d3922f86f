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
import yardstick.reports.domain.FactualAccuracyCheck;

/** Reports' factual-accuracy checks and the service's comments on them, with the authors' answers. */
@Singleton
public class FactualAccuracyStore {

    private final Jdbc jdbc;

    FactualAccuracyStore(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The report's check with its comments, if it was sent. */
    @Transactional(readOnly = true)
    public Optional<FactualAccuracyCheck> find(UUID report) {
        return read(report, "");
    }

    /** The report's check, its row locked until the transaction ends: comments are numbered and answered one at a time. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<FactualAccuracyCheck> findForUpdate(UUID report) {
        return read(report, " for update");
    }

    /** Records the check sent; false if the report's check was sent already. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean send(UUID report, int version, Instant deadline, String sentBy, Instant sendTime) {
        return jdbc.execute("insert into factual_accuracy_check (report_id, report_version, deadline, sent_by, send_time) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", report, version, Timestamp.from(deadline), sentBy,
                Timestamp.from(sendTime)) == 1;
    }

    /** The next comment, numbered after the last; call with the check locked. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int addComment(UUID report, String section, String text, String commentedBy, Instant commentTime) {
        int number = jdbc.query("select coalesce(max(number), 0) + 1 from factual_accuracy_comment where report_id = ?",
                row -> row.getInt(1), report).get(0);
        jdbc.execute("insert into factual_accuracy_comment (report_id, number, section, text, commented_by, comment_time) "
                + "values (?, ?, ?, ?, ?, ?)", report, number, section, text, commentedBy, Timestamp.from(commentTime));
        return number;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void answer(UUID report, int number, FactualAccuracyCheck.Answer answer, String reason, String answeredBy, Instant answerTime) {
        jdbc.execute("update factual_accuracy_comment set answer = ?, reason = ?, answered_by = ?, answer_time = ? "
                + "where report_id = ? and number = ? and answer is null", answer.name(), reason, answeredBy, Timestamp.from(answerTime),
                report, number);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void markReturned(UUID report, String returnedBy, Instant returnTime) {
        jdbc.execute("update factual_accuracy_check set returned_by = ?, return_time = ? where report_id = ? and returned_by is null",
                returnedBy, Timestamp.from(returnTime), report);
    }

    private Optional<FactualAccuracyCheck> read(UUID report, String lock) {
        List<FactualAccuracyCheck> found = jdbc.query("select report_version, deadline, sent_by, send_time, returned_by, return_time "
                + "from factual_accuracy_check where report_id = ?" + lock, row -> new FactualAccuracyCheck(row.getInt(1),
                row.getTimestamp(2).toInstant(), row.getString(3), row.getTimestamp(4).toInstant(), Optional.ofNullable(row.getString(5)),
                instant(row, 6), List.of()), report);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<FactualAccuracyCheck.Comment> comments = jdbc.query("select number, section, text, commented_by, comment_time, answer, "
                + "reason, answered_by, answer_time from factual_accuracy_comment where report_id = ? order by number",
                row -> new FactualAccuracyCheck.Comment(row.getInt(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), Optional.ofNullable(row.getString(6)).map(FactualAccuracyCheck.Answer::valueOf),
                        row.getString(7), Optional.ofNullable(row.getString(8)), instant(row, 9)), report);
        FactualAccuracyCheck check = found.get(0);
        return Optional.of(new FactualAccuracyCheck(check.reportVersion(), check.deadline(), check.sentBy(), check.sendTime(),
                check.returnedBy(), check.returnTime(), comments));
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
