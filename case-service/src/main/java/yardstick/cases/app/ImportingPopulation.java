package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.PopulationSummary;
import yardstick.cases.store.PopulationStore;
import yardstick.platform.identity.Caller;

/** An inspection's eligible population, imported whole by its lead inspector while sampling, in place of the one before, until the sample is drawn. */
@Singleton
public class ImportingPopulation {

    /**
     * The cases to import into the inspection, and the problems found reading them: refused after
     * the caller's access is checked, so that a stranger learns nothing of the cases.
     */
    public record ImportCases(InspectionName inspection, List<EligibleCase> cases, List<FieldProblem> problems) {
    }

    private final InspectionAccess access;
    private final SampleAsItStands sample;
    private final PopulationStore populations;

    ImportingPopulation(InspectionAccess access, SampleAsItStands sample, PopulationStore populations) {
        this.access = access;
        this.sample = sample;
        this.populations = populations;
    }

    /** The summary of the population imported. */
    @Transactional
    public PopulationSummary importCases(Caller caller, ImportCases command) {
        access.forLead(caller, command.inspection(), CaseWork.IMPORT_POPULATION);
        BadFields.refuse(command.problems());
        sample.refuseIfDrawn(command.inspection().id(), command.inspection().name(), "the population cannot change once the sample is drawn");
        populations.replace(command.inspection().id(), command.cases());
        return PopulationSummary.of(command.cases());
    }
}
