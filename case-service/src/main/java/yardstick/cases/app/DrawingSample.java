package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import yardstick.cases.domain.BalancedProbabilityDraw;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.CategoryDraw;
import yardstick.cases.domain.CategoryPlan;
import yardstick.cases.domain.CategorySettings;
import yardstick.cases.domain.DrawnSample;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.SampleDesign;
import yardstick.cases.domain.SamplePlanning;
import yardstick.cases.store.PopulationStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/** The sample drawn once, by the inspection's lead inspector while sampling, category by category as planned. */
@Singleton
public class DrawingSample {

    /** The inspection whose sample to draw, with {@code seed}, or a random seed when 0. */
    public record DrawSample(InspectionName inspection, long seed) {
    }

    private final InspectionAccess access;
    private final SampleAsItStands sample;
    private final SampleStore samples;
    private final PopulationStore populations;
    private final SecureRandom seeds = new SecureRandom();

    DrawingSample(InspectionAccess access, SampleAsItStands sample, SampleStore samples, PopulationStore populations) {
        this.access = access;
        this.sample = sample;
        this.samples = samples;
        this.populations = populations;
    }

    @Transactional
    public InspectionSample draw(Caller caller, DrawSample command) {
        Inspection inspection = access.forLead(caller, command.inspection(), CaseWork.DRAW_SAMPLE);
        sample.refuseIfDrawn(inspection.id(), inspection.name(), "the sample is already drawn; replace cases that cannot be inspected instead");
        Map<CaseCategory, CategorySettings> settings = samples.settings(inspection.id()).orElseThrow(() ->
                new Refused.RulesBroken("NO_PLAN", inspection.name(), "plan the sample (PlanSample) before drawing it"));
        List<EligibleCase> population = populations.load(inspection.id());
        long chosenSeed = command.seed() != 0 ? command.seed() : 1 + (seeds.nextLong() >>> 1);
        for (CategoryPlan plan : SamplePlanning.plan(population, inspection.fieldworkStart(), settings)) {
            List<EligibleCase> eligible = population.stream().filter(plan::eligible).toList();
            // Each category draws with its own seed, derived from the inspection's, so that one category's draw does not depend on another's.
            long categorySeed = chosenSeed + plan.settings().category().ordinal();
            DrawnSample drawn = BalancedProbabilityDraw.draw(eligible, plan.size(), plan.recent(), plan.settings().recentShare(),
                    categorySeed);
            List<SampleDesign.Quota> quotas = drawn.balance().stream().map(b -> new SampleDesign.Quota(b.classification(), b.category(),
                    b.inPopulation(), b.proportionalTarget())).toList();
            samples.saveDraw(inspection.id(), new CategoryDraw(plan.settings().category(), categorySeed, drawn.method(),
                            drawn.cases().size()), quotas, drawn.loosened(),
                    drawn.cases().stream().map(c -> new SampleStore.Taken(c.eligibleCase().reference(), c.inclusionProbability(),
                            c.profile())).toList());
        }
        return new InspectionSample(inspection, sample.of(inspection.id(), inspection.fieldworkStart()));
    }
}
