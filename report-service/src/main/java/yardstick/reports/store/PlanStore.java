package yardstick.reports.store;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import yardstick.platform.store.Jdbc;
import yardstick.reports.plans.PlanChange;
import yardstick.reports.plans.PlanOnFile;

/** Improvement plans, each stored whole as it stands, and their history, appended to and never changed. */
@Singleton
public class PlanStore {

    /** A change to append to a plan's history: what part of the plan, and what happened to it. */
    public record NewEvent(String subject, String description) {
    }

    private final Jdbc jdbc;

    PlanStore(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Adds the plan; false, adding nothing, when its publication has a plan already (a concurrent create got there first). */
    @Transactional
    public boolean add(PlanOnFile plan) {
        return jdbc.execute("insert into improvement_plan (id, publication_id, version, state, body, create_time, update_time, submit_time) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (publication_id) do nothing", plan.id(), plan.publication(), plan.version(),
                plan.state(), plan.body(), Timestamp.from(plan.createTime()), Timestamp.from(plan.updateTime()),
                plan.submitTime().map(Timestamp::from).orElse(null)) == 1;
    }

    /** Replaces the plan's state, body and times; the caller holds its row lock (see {@link #lock}). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void update(PlanOnFile plan) {
        jdbc.execute("update improvement_plan set version = ?, state = ?, body = ?, update_time = ?, submit_time = ? where id = ?",
                plan.version(), plan.state(), plan.body(), Timestamp.from(plan.updateTime()),
                plan.submitTime().map(Timestamp::from).orElse(null), plan.id());
    }

    @Transactional(readOnly = true)
    public Optional<PlanOnFile> find(UUID id) {
        return jdbc.query("select * from improvement_plan where id = ?", PlanStore::row, id).stream().findFirst();
    }

    /** The plan, locked for the rest of the transaction so that concurrent changes queue and see each other's etag. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<PlanOnFile> lock(UUID id) {
        return jdbc.query("select * from improvement_plan where id = ? for update", PlanStore::row, id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<PlanOnFile> ofPublication(UUID publication) {
        return jdbc.query("select * from improvement_plan where publication_id = ?", PlanStore::row, publication).stream().findFirst();
    }

    /** The publication's plan once it is submitted: what the portal may show beside the report. */
    @Transactional(readOnly = true)
    public Optional<PlanOnFile> submittedOf(UUID publication) {
        return ofPublication(publication).filter(plan -> plan.state().equals("SUBMITTED"));
    }

    /**
     * For each of {@code publications}, the publication whose submitted plan answers its report, if
     * one visible at {@code now} has one: a correction's publication keeps the plan made for the
     * version it corrects. One query for a whole page of the portal, outside a transaction.
     */
    @Connectable
    public Map<UUID, UUID> submittedPlansOf(Collection<UUID> publications, Instant now) {
        if (publications.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> answered = new HashMap<>();
        jdbc.query("select distinct on (shown.id) shown.id, answered.id from improvement_plan plan "
                        + "join publication answered on answered.id = plan.publication_id "
                        + "join publication shown on shown.report_id = answered.report_id "
                        + "where shown.id = any(?::uuid[]) and plan.state = 'SUBMITTED' "
                        + "and (answered.embargo_until is null or answered.embargo_until <= ?) "
                        + "order by shown.id, answered.report_version desc",
                row -> answered.put(row.getObject(1, UUID.class), row.getObject(2, UUID.class)),
                publications.stream().map(UUID::toString).toArray(String[]::new), Timestamp.from(now));
        return answered;
    }

    /** Appends events after the plan's last; the caller holds the plan's row lock. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addEvents(UUID plan, Instant time, String actor, List<NewEvent> events) {
        for (NewEvent event : events) {
            jdbc.execute("insert into improvement_plan_event (plan_id, sequence, event_time, actor, subject, description) "
                            + "select ?, coalesce(max(sequence), 0) + 1, ?, ?, ?, ? from improvement_plan_event where plan_id = ?",
                    plan, Timestamp.from(time), actor, event.subject(), event.description(), plan);
        }
    }

    /** The plan's history, oldest first. */
    @Transactional(readOnly = true)
    public List<PlanChange> events(UUID plan) {
        return jdbc.query("select sequence, event_time, actor, subject, description from improvement_plan_event where plan_id = ? "
                        + "order by sequence",
                row -> new PlanChange(row.getInt(1), row.getTimestamp(2).toInstant(), row.getString(3), row.getString(4), row.getString(5)),
                plan);
    }

    private static PlanOnFile row(java.sql.ResultSet row) throws java.sql.SQLException {
        Timestamp submit = row.getTimestamp("submit_time");
        return new PlanOnFile(row.getObject("id", UUID.class), row.getObject("publication_id", UUID.class), row.getInt("version"),
                row.getString("state"), row.getBytes("body"), row.getTimestamp("create_time").toInstant(),
                row.getTimestamp("update_time").toInstant(), Optional.ofNullable(submit).map(Timestamp::toInstant));
    }
}
