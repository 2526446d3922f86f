package yardstick.cases.app;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yardstick.cases.domain.PurgedInspection;
import yardstick.cases.domain.Retention;
import yardstick.cases.store.RetentionStore;

/**
 * Purges the case data of every inspection closed longer ago than the retention: its eligible
 * population, sample and judgements go, the inspection stays, marked purged. One transaction per
 * inspection, so a failure leaves the ones before it purged and the rest for the next run.
 */
@Singleton
public class PurgingExpiredCaseData {

    private static final Logger LOG = LoggerFactory.getLogger(PurgingExpiredCaseData.class);

    private final RetentionStore store;
    private final TransactionOperations<Connection> transactions;
    private final Retention retention;
    private final Clock clock;

    PurgingExpiredCaseData(RetentionStore store, TransactionOperations<Connection> transactions, RetentionSettings settings,
                           Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.retention = new Retention(settings.getAfterClose());
        this.clock = clock;
    }

    /**
     * @param actor who purges: the caller's subject, or the daily job
     * @return the inspections purged now, oldest closed first
     */
    public List<PurgedInspection> purge(String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<PurgedInspection> purged = new ArrayList<>();
        for (UUID inspection : store.closedBeforeAndKept(retention.closedBefore(now))) {
            transactions.executeWrite(status -> {
                Optional<PurgedInspection> done = store.purge(inspection, now);
                done.ifPresent(p -> purged(p, actor));
                return done;
            }).ifPresent(purged::add);
        }
        return purged;
    }

    /**
     * The one place a purge is recorded, inside its transaction so that the record and the purge
     * stand or fall together. The suite's append-only audit trail is to be written here.
     */
    private void purged(PurgedInspection purged, String actor) {
        LOG.info("{} purged the case data of {}, closed {}, kept {} days: {} eligible cases, {} sampled cases, {} case judgements",
                actor, purged.name(), purged.closeTime(), retention.afterClose().toDays(), purged.eligibleCases(), purged.sampledCases(),
                purged.caseJudgements());
    }
}
