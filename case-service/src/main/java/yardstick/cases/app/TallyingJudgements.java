package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.JudgementTallies;
import yardstick.cases.store.JudgementStore;
import yardstick.cases.store.PopulationStore;
import yardstick.platform.identity.Caller;

/** The tallies over an inspection's submitted judgements, for those who may read its case data. */
@Singleton
public class TallyingJudgements {

    /** The active sampled cases and the tallies over their submitted judgements. */
    public record Tallied(Inspection inspection, List<EligibleCase> sampled, JudgementTallies tallies) {
    }

    private final InspectionAccess access;
    private final PopulationStore populations;
    private final JudgementStore judgements;

    TallyingJudgements(InspectionAccess access, PopulationStore populations, JudgementStore judgements) {
        this.access = access;
        this.populations = populations;
        this.judgements = judgements;
    }

    @Transactional(readOnly = true)
    public Tallied tallies(Caller caller, InspectionName name) {
        Inspection inspection = access.forCaseData(caller, name);
        return new Tallied(inspection, populations.loadSampled(inspection.id()), judgements.tallies(inspection.id()));
    }
}
