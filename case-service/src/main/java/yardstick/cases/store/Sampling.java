package yardstick.cases.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CategoryPlan;
import yardstick.cases.domain.CategorySettings;
import yardstick.cases.domain.DrawnSample;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.MarginBalance;
import yardstick.cases.domain.SamplePlanning;
import yardstick.cases.domain.SamplingRefusedException;
import yardstick.cases.domain.StratifiedDraw;

/**
 * The sampling use cases of an inspection, each one transaction holding the inspection's lock:
 * importing the population, planning, drawing, replacing a case.
 */
@Singleton
public class Sampling {

    /** A category's sample as it stands, with its plan and each classification's target and achieved counts. */
    public record CategorySample(CategoryPlan plan, SampleStore.DrawRow draw, List<SampleStore.SampledCaseRow> cases,
                                 Set<String> recent, List<MarginBalance> balance) {
    }

    /** A replacement made, and the category's sample after it. */
    public record Replaced(Optional<SampleStore.SampledCaseRow> replacement, boolean stratumExhausted, String note,
                           CategorySample sample) {
    }

    private final PopulationStore populations;
    private final SampleStore samples;
    private final SecureRandom seeds = new SecureRandom();

    Sampling(PopulationStore populations, SampleStore samples) {
        this.populations = populations;
        this.samples = samples;
    }

    @Transactional
    public void importPopulation(UUID inspection, List<EligibleCase> cases) {
        samples.lock(inspection);
        refuseIfDrawn(inspection, "the population cannot change once the sample is drawn");
        populations.replace(inspection, cases);
    }

    @Transactional
    public List<CategoryPlan> plan(UUID inspection, LocalDate fieldworkStart, Map<CaseCategory, CategorySettings> given) {
        samples.lock(inspection);
        refuseIfDrawn(inspection, "the plan cannot change once the sample is drawn");
        List<EligibleCase> population = populations.load(inspection);
        if (population.isEmpty()) {
            throw new SamplingRefusedException("NO_POPULATION", "import the eligible population (ImportCases) before planning the sample");
        }
        List<CategoryPlan> plans = SamplePlanning.plan(population, fieldworkStart, given);
        samples.saveSettings(inspection, plans.stream().map(CategoryPlan::settings).toList());
        return plans;
    }

    @Transactional(readOnly = true)
    public Optional<List<CategoryPlan>> plan(UUID inspection, LocalDate fieldworkStart) {
        return samples.settings(inspection).map(settings -> SamplePlanning.plan(populations.load(inspection), fieldworkStart, settings));
    }

    @Transactional
    public List<CategorySample> draw(UUID inspection, LocalDate fieldworkStart, long seed) {
        samples.lock(inspection);
        refuseIfDrawn(inspection, "the sample is already drawn; replace cases that cannot be inspected instead");
        Map<CaseCategory, CategorySettings> settings = samples.settings(inspection).orElseThrow(() ->
                new SamplingRefusedException("NO_PLAN", "plan the sample (PlanSample) before drawing it"));
        List<EligibleCase> population = populations.load(inspection);
        long chosenSeed = seed != 0 ? seed : 1 + (seeds.nextLong() >>> 1);
        for (CategoryPlan plan : SamplePlanning.plan(population, fieldworkStart, settings)) {
            List<EligibleCase> eligible = population.stream().filter(plan::eligible).toList();
            // Each category draws with its own seed, derived from the inspection's, so that one category's draw does not depend on another's.
            long categorySeed = chosenSeed + plan.settings().category().ordinal();
            DrawnSample drawn = StratifiedDraw.draw(eligible, plan.size(), plan.recent(), plan.settings().recentShare(), categorySeed);
            samples.saveDraw(inspection, new SampleStore.DrawRow(plan.settings().category(), categorySeed, drawn.method()),
                    drawn.cases().stream().map(EligibleCase::reference).toList());
        }
        return sample(inspection, fieldworkStart);
    }

    @Transactional(readOnly = true)
    public List<CategorySample> sample(UUID inspection, LocalDate fieldworkStart) {
        List<SampleStore.DrawRow> draws = samples.draws(inspection);
        if (draws.isEmpty()) {
            return List.of();
        }
        List<EligibleCase> population = populations.load(inspection);
        Map<CaseCategory, CategoryPlan> plans = new EnumMap<>(CaseCategory.class);
        SamplePlanning.plan(population, fieldworkStart, samples.settings(inspection).orElseThrow())
                .forEach(p -> plans.put(p.settings().category(), p));
        List<SampleStore.SampledCaseRow> rows = samples.sampledCases(inspection);
        List<CategorySample> result = new ArrayList<>();
        for (SampleStore.DrawRow draw : draws) {
            CategoryPlan plan = plans.get(draw.category());
            List<EligibleCase> eligible = population.stream().filter(plan::eligible).toList();
            List<SampleStore.SampledCaseRow> own = rows.stream().filter(r -> r.category() == draw.category()).toList();
            Set<String> active = new HashSet<>();
            own.stream().filter(SampleStore.SampledCaseRow::active).forEach(r -> active.add(r.reference()));
            List<EligibleCase> activeCases = eligible.stream().filter(c -> active.contains(c.reference())).toList();
            Predicate<EligibleCase> recent = plan.recent();
            Set<String> recentReferences = new HashSet<>();
            eligible.stream().filter(recent).forEach(c -> recentReferences.add(c.reference()));
            result.add(new CategorySample(plan, draw, own, recentReferences,
                    StratifiedDraw.balanceOf(eligible, plan.size(), recent, plan.settings().recentShare(), activeCases)));
        }
        return result;
    }

    @Transactional
    public Replaced replace(UUID inspection, LocalDate fieldworkStart, String reference, String reason) {
        samples.lock(inspection);
        CategorySample category = sample(inspection, fieldworkStart).stream()
                .filter(s -> s.cases().stream().anyMatch(r -> r.reference().equals(reference) && r.active()))
                .findFirst()
                .orElseThrow(() -> new SamplingRefusedException("NOT_IN_SAMPLE", reference + " is not in the sample as it stands"));
        List<EligibleCase> population = populations.load(inspection);
        List<EligibleCase> eligible = population.stream().filter(category.plan()::eligible).toList();
        Set<String> everSampled = new HashSet<>();
        Set<String> active = new HashSet<>();
        category.cases().forEach(r -> {
            everSampled.add(r.reference());
            if (r.active()) {
                active.add(r.reference());
            }
        });
        EligibleCase out = eligible.stream().filter(c -> c.reference().equals(reference)).findFirst().orElseThrow();
        List<EligibleCase> activeCases = eligible.stream().filter(c -> active.contains(c.reference())).toList();
        long replacements = category.cases().stream().filter(r -> !r.active()).count();
        StratifiedDraw.Replacement choice = StratifiedDraw.replacementFor(eligible, category.plan().size(), category.plan().recent(),
                category.plan().settings().recentShare(), activeCases, everSampled, out, category.draw().seed() + 1000 * (replacements + 1));
        samples.replace(inspection, category.draw().category(), reference, reason,
                choice.replacement().map(EligibleCase::reference), choice.note());
        CategorySample after = sample(inspection, fieldworkStart).stream()
                .filter(s -> s.draw().category() == category.draw().category()).findFirst().orElseThrow();
        Optional<SampleStore.SampledCaseRow> row = choice.replacement().flatMap(c -> after.cases().stream()
                .filter(r -> r.reference().equals(c.reference())).findFirst());
        return new Replaced(row, choice.stratumExhausted(), choice.note(), after);
    }

    private void refuseIfDrawn(UUID inspection, String why) {
        if (samples.drawn(inspection)) {
            throw new SamplingRefusedException("SAMPLE_DRAWN", why);
        }
    }
}
