package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import yardstick.cases.domain.PopulationSummary;
import yardstick.cases.store.PopulationStore;
import yardstick.platform.identity.Caller;

/** The counts of an inspection's eligible population by classification, for those who may read its case data. */
@Singleton
public class SummarisingPopulation {

    private final InspectionAccess access;
    private final PopulationStore populations;

    SummarisingPopulation(InspectionAccess access, PopulationStore populations) {
        this.access = access;
        this.populations = populations;
    }

    @Transactional(readOnly = true)
    public PopulationSummary summary(Caller caller, InspectionName inspection) {
        return PopulationSummary.of(populations.load(access.forCaseData(caller, inspection).id()));
    }
}
