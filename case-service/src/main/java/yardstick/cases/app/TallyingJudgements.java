package yardstick.cases.app;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.JudgementTallies;
import yardstick.cases.domain.PopulationSummary;
import yardstick.cases.store.InspectionStore;
import yardstick.cases.store.JudgementStore;
import yardstick.cases.store.PopulationStore;
import yardstick.platform.identity.Caller;

/** The tallies over an inspection's submitted judgements, for those who may read its case data. */
@Singleton
public class TallyingJudgements {

    /** How many cases are sampled and active, their composition, and the tallies over their submitted judgements. */
    public record Tallied(Inspection inspection, int sampled, PopulationSummary composition, JudgementTallies tallies) {
    }

    private final InspectionAccess access;
    private final PopulationStore populations;
    private final JudgementStore judgements;
    private final TransactionOperations<Connection> transactions;

    TallyingJudgements(InspectionAccess access, PopulationStore populations, JudgementStore judgements,
                       TransactionOperations<Connection> transactions) {
        this.access = access;
        this.populations = populations;
        this.judgements = judgements;
        this.transactions = transactions;
    }

    /** Tallies computed, and the version of the inspection's tallies they were computed at or after. */
    private record Counted(long version, int sampled, PopulationSummary composition, JudgementTallies tallies) {
    }

    /** Inspections whose tallies are kept: those being judged or rated at once, with room to spare. */
    private static final int KEPT = 1_000;

    private final Map<UUID, Counted> counted = new ConcurrentHashMap<>();

    /**
     * The tallies as they stand. They are computed again only when the inspection's tallies
     * version has moved since they were kept: the version is read first, so tallies kept under a
     * version are never older than it (a change committed meanwhile can only make them newer).
     * Where they are kept, that read is the call's one statement, outside any transaction; they
     * are counted in a read-only transaction of their own, the sample and its tallies as of one
     * moment.
     */
    @Connectable
    public Tallied tallies(Caller caller, InspectionName name) {
        InspectionStore.Found found = access.forCaseDataAsStored(caller, name);
        Inspection inspection = found.inspection();
        long version = found.talliesVersion();
        Counted known = counted.get(inspection.id());
        if (known == null || known.version() != version) {
            known = countedOnce(inspection.id(), version);
        }
        return new Tallied(inspection, known.sampled(), known.composition(), known.tallies());
    }

    private final Map<UUID, Object> counting = new ConcurrentHashMap<>();

    /**
     * Counts the tallies at {@code version} once however many callers ask at the same moment: the
     * first counts, the others wait and take its count (under load a version moved meant dozens of
     * callers counting the same judgements side by side, each a second of the database's CPU).
     */
    private Counted countedOnce(UUID inspection, long version) {
        synchronized (counting.computeIfAbsent(inspection, id -> new Object())) {
            Counted known = counted.get(inspection);
            if (known != null && known.version() == version) {
                return known;
            }
            known = transactions.executeRead(status -> {
                List<EligibleCase> sampled = populations.loadSampled(inspection);
                return new Counted(version, sampled.size(), PopulationSummary.of(sampled), judgements.tallies(inspection));
            });
            if (counted.size() >= KEPT) {
                counted.clear();
                counting.clear();
            }
            counted.put(inspection, known);
            return known;
        }
    }
}
