package yardstick.cases.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs the purge every day ({@code yardstick.retention.purge-cron}, by default 02:30), unless
 * {@code yardstick.retention.daily-purge} is false.
 */
@Singleton
@Requires(property = "yardstick.retention.daily-purge", notEquals = "false")
class DailyRetentionPurge {

    /** How the purge names its actor when no person asked for it. */
    static final String ACTOR = "case-service daily retention purge";

    private final PurgingExpiredCaseData purging;

    DailyRetentionPurge(PurgingExpiredCaseData purging) {
        this.purging = purging;
    }

    @Scheduled(cron = "${yardstick.retention.purge-cron:0 30 2 * * *}")
    void purge() {
        purging.purge(ACTOR);
    }
}
