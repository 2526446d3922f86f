package yardstick.cases.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import yardstick.cases.domain.CaseEvent;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.ModerationDraw;
import yardstick.platform.store.Jdbc;

/** Assignments, the moderation sample and each sampled case's history, in case-service's database. */
@Singleton
public class FieldworkStore {

    private final Jdbc jdbc;

    FieldworkStore(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    private static final String PROGRESS = "select s.reference, s.inspector, c.version is not null and c.version > 0, "
            + "coalesce(c.submitted, false), (select e.type = 'RETURNED' from case_event e where e.inspection_id = s.inspection_id "
            + "and e.reference = s.reference and e.type in ('SUBMITTED', 'RETURNED') order by e.id desc limit 1), "
            + "c.submitted_by, coalesce(m.picked_by_lead, false), coalesce(m.in_random_share, false), c.confirmed_by, c.confirm_time "
            + "from sampled_case s left join case_judgements c using (inspection_id, reference) "
            + "left join moderation_selection m using (inspection_id, reference) where s.inspection_id = ? and s.active";

    /**
     * Where each active sampled case stands, in the sample's order. "Returned" is read from the
     * case's history: its last submission or return was a return.
     */
    @Transactional(readOnly = true)
    public List<CaseProgress> progress(UUID inspection) {
        return jdbc.query(PROGRESS + " order by s.category, s.position", FieldworkStore::progress, inspection);
    }

    /** Where the active sampled case stands; empty when it is not in the sample as it stands. */
    @Transactional(readOnly = true)
    public Optional<CaseProgress> progress(UUID inspection, String reference) {
        return jdbc.query(PROGRESS + " and s.reference = ?", FieldworkStore::progress, inspection, reference).stream().findFirst();
    }

    private static CaseProgress progress(java.sql.ResultSet row) throws java.sql.SQLException {
        return new CaseProgress(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4), row.getBoolean(5),
                row.getString(6), row.getBoolean(7), row.getBoolean(8), row.getString(9), instant(row.getTimestamp(10)));
    }

    /** The case's history, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseEvent> history(UUID inspection, String reference) {
        return jdbc.query("select type, actor, event_time, inspector, previous_inspector, reason from case_event "
                        + "where inspection_id = ? and reference = ? order by id",
                row -> new CaseEvent(CaseEvent.Type.valueOf(row.getString(1)), row.getString(2), instant(row.getTimestamp(3)),
                        row.getString(4), row.getString(5), row.getString(6)), inspection, reference);
    }

    @Transactional
    public void record(UUID inspection, String reference, CaseEvent event) {
        jdbc.execute("insert into case_event (inspection_id, reference, type, actor, event_time, inspector, previous_inspector, reason) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", inspection, reference, event.type().name(), event.actor(),
                Timestamp.from(event.time()), event.inspector(), event.previousInspector(), event.reason());
    }

    @Transactional
    public void assign(UUID inspection, String reference, String inspector) {
        jdbc.execute("update sampled_case set inspector = ? where inspection_id = ? and reference = ?", inspector, inspection, reference);
    }

    @Transactional
    public void pick(UUID inspection, String reference) {
        jdbc.execute("insert into moderation_selection (inspection_id, reference, picked_by_lead) values (?, ?, true) "
                + "on conflict (inspection_id, reference) do update set picked_by_lead = true", inspection, reference);
    }

    @Transactional
    public void saveModerationDraw(UUID inspection, ModerationDraw draw, List<String> drawn) {
        jdbc.execute("insert into moderation_draw (inspection_id, share, seed, drawn_by, draw_time) values (?, ?, ?, ?, ?)",
                inspection, draw.share(), draw.seed(), draw.drawnBy(), Timestamp.from(draw.drawTime()));
        for (String reference : drawn) {
            jdbc.execute("insert into moderation_selection (inspection_id, reference, in_random_share) values (?, ?, true) "
                    + "on conflict (inspection_id, reference) do update set in_random_share = true", inspection, reference);
        }
    }

    @Transactional(readOnly = true)
    public Optional<ModerationDraw> moderationDraw(UUID inspection) {
        return jdbc.query("select share, seed, drawn_by, draw_time from moderation_draw where inspection_id = ?",
                row -> new ModerationDraw(row.getDouble(1), row.getLong(2), row.getString(3), instant(row.getTimestamp(4))), inspection)
                .stream().findFirst();
    }

    /** The second reader's confirmation of the case's submitted judgements, as version {@code version} + 1. */
    @Transactional
    public void confirm(UUID inspection, String reference, long version, String reader, Instant at) {
        jdbc.execute("update case_judgements set version = ?, confirmed_by = ?, confirm_time = ? where inspection_id = ? and reference = ?",
                version + 1, reader, Timestamp.from(at), inspection, reference);
    }

    /** The case's judgements back to a draft, as version {@code version} + 1; what was submitted stays as the draft. */
    @Transactional
    public void returnToDraft(UUID inspection, String reference, long version) {
        jdbc.execute("update case_judgements set version = ?, submitted = false, submitted_by = null, submit_time = null, "
                + "confirmed_by = null, confirm_time = null where inspection_id = ? and reference = ?", version + 1, inspection, reference);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
