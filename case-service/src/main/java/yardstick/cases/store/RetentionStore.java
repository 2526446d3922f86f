package yardstick.cases.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import yardstick.cases.domain.PurgedInspection;
import yardstick.platform.store.Jdbc;

/** When inspections closed, and the purge of their case data; in the caller's transaction when it holds one. */
@Singleton
public class RetentionStore {

    private final Jdbc jdbc;

    RetentionStore(@Named("default") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Inspections closed before {@code cutoff} whose case data is still kept, oldest closed first. */
    @Transactional(readOnly = true)
    public List<UUID> closedBeforeAndKept(Instant cutoff) {
        return jdbc.query("SELECT id FROM inspection WHERE close_time < ? AND purge_time IS NULL ORDER BY close_time, id",
                row -> row.getObject("id", UUID.class), timestamp(cutoff));
    }

    /**
     * Deletes the inspection's case data (judgements, their history and moderation, sample, eligible population) and marks it
     * purged at {@code now}; empty if it was purged already (by a concurrent purge, say).
     */
    @Transactional
    public Optional<PurgedInspection> purge(UUID inspection, Instant now) {
        List<Instant[]> times = jdbc.query("SELECT close_time, purge_time FROM inspection WHERE id = ? FOR UPDATE",
                row -> new Instant[] {instant(row.getObject("close_time", OffsetDateTime.class)),
                        instant(row.getObject("purge_time", OffsetDateTime.class))}, inspection);
        if (times.isEmpty() || times.get(0)[0] == null || times.get(0)[1] != null) {
            return Optional.empty();
        }
        // Children first: prompt answers and key-question judgements go with their case's judgements (ON DELETE CASCADE).
        int judgements = jdbc.execute("DELETE FROM case_judgements WHERE inspection_id = ?", inspection);
        jdbc.execute("DELETE FROM case_event WHERE inspection_id = ?", inspection);
        jdbc.execute("DELETE FROM moderation_selection WHERE inspection_id = ?", inspection);
        jdbc.execute("DELETE FROM moderation_draw WHERE inspection_id = ?", inspection);
        int sampled = jdbc.execute("DELETE FROM sampled_case WHERE inspection_id = ?", inspection);
        // A drawn category's quotas (and the bounds its draw loosened) go before the draw they belong to.
        jdbc.execute("DELETE FROM sample_quota WHERE inspection_id = ?", inspection);
        jdbc.execute("DELETE FROM sample_draw WHERE inspection_id = ?", inspection);
        int eligible = jdbc.execute("DELETE FROM eligible_case WHERE inspection_id = ?", inspection);
        jdbc.execute("UPDATE inspection SET purge_time = ? WHERE id = ?", timestamp(now), inspection);
        return Optional.of(new PurgedInspection(inspection, times.get(0)[0], now, eligible, sampled, judgements));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
