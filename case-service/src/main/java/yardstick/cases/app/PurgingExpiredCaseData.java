package yardstick.cases.app;

import io.grpc.Status;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yardstick.cases.domain.PurgedInspection;
import yardstick.cases.domain.Retention;
import yardstick.cases.store.RetentionStore;
import yardstick.platform.audit.AuditTrail;

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
    private final AuditTrail audit;

    PurgingExpiredCaseData(RetentionStore store, TransactionOperations<Connection> transactions, RetentionSettings settings,
                           Clock clock, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
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
            transactions.executeWrite(status -> store.purge(inspection, now)).ifPresent(done -> {
                purged.add(done);
                purged(done, actor);
            });
        }
        return purged;
    }

    /**
     * The one place a purge is recorded: in the audit trail, once its transaction has committed,
     * so that the trail never claims a purge that did not happen.
     */
    private void purged(PurgedInspection purged, String actor) {
        audit.record(new AuditTrail.Act(actor, Set.of(), "yardstick.cases.Retention/PurgeCaseData", purged.name(), Status.Code.OK, ""));
        LOG.info("{} purged the case data of {}, closed {}, kept {} days: {} eligible cases, {} sampled cases, {} case judgements",
                actor, purged.name(), purged.closeTime(), retention.afterClose().toDays(), purged.eligibleCases(), purged.sampledCases(),
                purged.caseJudgements());
    }
}
