package yardstick.cases.store;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.InspectionState;
import yardstick.platform.store.Jdbc;

/** Inspections kept in case-service's database; each method is one transaction. */
@Singleton
public class InspectionStore {

    /**
     * An inspection as stored, with where its case data stands: when it was purged under the
     * retention, if it was, and the version of its judgements' tallies (0 before anything was counted).
     */
    public record Found(Inspection inspection, Optional<Instant> casesPurged, long talliesVersion) {
    }

    private final InspectionRepository repository;
    private final Jdbc jdbc;
    private final Clock clock;

    InspectionStore(InspectionRepository repository, @Named("default") DataSource dataSource, Clock clock) {
        this.repository = repository;
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** Opens an inspection in planning, led by {@code leadInspector}. */
    @Transactional
    public Inspection open(Inspection.Details details, String leadInspector) {
        Instant now = now();
        Inspection inspection = new Inspection(UUID.randomUUID(), details.inspectedService(), details.fieldworkStart(),
                details.fieldworkEnd(), details.framework(), leadInspector, details.team(), InspectionState.PLANNING, 1, now, now);
        repository.save(InspectionRow.of(inspection));
        return inspection;
    }

    @Transactional(readOnly = true)
    public Optional<Inspection> find(UUID id) {
        return findWithPurge(id).map(Found::inspection);
    }

    /**
     * The inspection with where its case data stands, in one read: every call on an inspection's
     * case data asks first (through Micronaut Data and a query for each, they were a tenth of
     * case-service's CPU under load). The tallies version moves in the transaction of every change
     * the tallies count (database triggers, migration V16). Within a transaction it reads in it;
     * alone it is one statement, with no transaction to begin and commit around it.
     */
    @Connectable
    public Optional<Found> findWithPurge(UUID id) {
        return findWithPurge(id, "");
    }

    /**
     * As {@link #findWithPurge(UUID)}, taking the inspection's row lock shared in the same read, so
     * that cases are judged and moderated side by side while a change of the inspection's state
     * waits for them, and they for it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Found> findWithPurgeLockedShared(UUID id) {
        return findWithPurge(id, " FOR SHARE");
    }

    private Optional<Found> findWithPurge(UUID id, String locking) {
        return jdbc.query("SELECT id, inspected_service, fieldwork_start, fieldwork_end, framework, lead_inspector, team, state, version, "
                + "create_time, update_time, purge_time, "
                + "(SELECT t.version FROM judgement_tallies_version t WHERE t.inspection_id = inspection.id) AS tallies_version "
                + "FROM inspection WHERE id = ?" + locking, row -> {
                    OffsetDateTime purged = row.getObject("purge_time", OffsetDateTime.class);
                    InspectionRow found = new InspectionRow(row.getObject("id", UUID.class), row.getString("inspected_service"),
                            row.getObject("fieldwork_start", LocalDate.class), row.getObject("fieldwork_end", LocalDate.class),
                            row.getString("framework"), row.getString("lead_inspector"), (String[]) row.getArray("team").getArray(),
                            row.getString("state"), row.getLong("version"), row.getObject("create_time", OffsetDateTime.class).toInstant(),
                            row.getObject("update_time", OffsetDateTime.class).toInstant());
                    return new Found(found.inspection(), Optional.ofNullable(purged).map(OffsetDateTime::toInstant),
                            row.getLong("tallies_version"));
                }, id).stream().findFirst();
    }

    /**
     * Stores the changed inspection if nobody changed it since {@code expectedVersion}, and when
     * it closes, when: its case data is kept for the retention from then.
     *
     * @return the stored inspection, or empty when the version was stale
     */
    @Transactional
    public Optional<Inspection> update(Inspection current, Inspection.Details details, InspectionState state) {
        Inspection changed = current.with(details, state, now());
        long updated = repository.updateIfVersion(changed.id(), InspectionRow.code(changed.inspectedService()), changed.fieldworkStart(),
                changed.fieldworkEnd(), changed.framework(), changed.team().toArray(String[]::new), changed.state().name(), changed.version(),
                changed.updateTime(), current.version());
        if (updated != 1) {
            return Optional.empty();
        }
        if (changed.state() == InspectionState.CLOSED && current.state() != InspectionState.CLOSED) {
            repository.recordClose(changed.id(), changed.updateTime());
        }
        return Optional.of(changed);
    }

    /** Up to {@code limit} inspections created after the one given (oldest first), or from the start. */
    @Transactional(readOnly = true)
    public List<Inspection> page(Optional<Inspection> after, int limit) {
        List<InspectionRow> rows = after
                .map(a -> repository.after(a.createTime(), a.id(), limit))
                .orElseGet(() -> repository.first(limit));
        return rows.stream().map(InspectionRow::inspection).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
