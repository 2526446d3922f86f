package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.CategoryPlan;
import yardstick.cases.domain.CategorySettings;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.SamplePlanning;
import yardstick.cases.store.PopulationStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/** The sample planned by the inspection's lead inspector, over the population imported, while sampling, until the sample is drawn. */
@Singleton
public class PlanningSample {

    /**
     * The settings given, by category, and the problems found reading them: refused after the
     * caller's access is checked.
     */
    public record PlanSample(InspectionName inspection, Map<CaseCategory, CategorySettings> settings, List<FieldProblem> problems) {
    }

    private final InspectionAccess access;
    private final SampleAsItStands sample;
    private final SampleStore samples;
    private final PopulationStore populations;

    PlanningSample(InspectionAccess access, SampleAsItStands sample, SampleStore samples, PopulationStore populations) {
        this.access = access;
        this.sample = sample;
        this.samples = samples;
        this.populations = populations;
    }

    @Transactional
    public PlannedSample plan(Caller caller, PlanSample command) {
        Inspection inspection = access.forLead(caller, command.inspection(), CaseWork.PLAN_SAMPLE);
        BadFields.refuse(command.problems());
        String subject = command.inspection().name();
        sample.refuseIfDrawn(inspection.id(), subject, "the plan cannot change once the sample is drawn");
        List<EligibleCase> population = populations.load(inspection.id());
        if (population.isEmpty()) {
            throw new Refused.RulesBroken("NO_POPULATION", subject, "import the eligible population (ImportCases) before planning the sample");
        }
        List<CategoryPlan> plans = SamplePlanning.plan(population, inspection.fieldworkStart(), command.settings());
        samples.saveSettings(inspection.id(), plans.stream().map(CategoryPlan::settings).toList());
        return new PlannedSample(inspection, plans);
    }
}
