package yardstick.cases.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CategoryPlan;
import yardstick.cases.domain.CategorySettings;
import yardstick.cases.domain.DrawnSample;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.MarginBalance;
import yardstick.cases.domain.SamplePlanning;
import yardstick.cases.domain.SamplingRefusedException;
import yardstick.cases.domain.BalancedProbabilityDraw;
import yardstick.cases.domain.Profile;
import yardstick.cases.domain.SampleDesign;
import yardstick.cases.domain.SampleReplacement;

/**
 * The sampling use cases of an inspection, each one transaction holding the inspection's lock:
 * importing the population, planning, drawing, replacing a case.
 */
@Singleton
public class Sampling {

    /** A category's sample as it stands, with each classification's quota and achieved count. */
    public record CategorySample(SampleStore.DrawRow draw, List<SampleStore.SampledCaseRow> cases, List<MarginBalance> balance) {
    }

    /** A replacement made, and the category's sample after it. */
    public record Replaced(Optional<SampleStore.SampledCaseRow> replacement, boolean profileExhausted, String note,
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
            DrawnSample drawn = BalancedProbabilityDraw.draw(eligible, plan.size(), plan.recent(), plan.settings().recentShare(),
                    categorySeed);
            List<SampleDesign.Quota> quotas = drawn.balance().stream().map(b -> new SampleDesign.Quota(b.classification(), b.category(),
                    b.inPopulation(), b.proportionalTarget())).toList();
            samples.saveDraw(inspection, new SampleStore.DrawRow(plan.settings().category(), categorySeed, drawn.method(),
                            drawn.cases().size()), quotas,
                    drawn.cases().stream().map(c -> new SampleStore.Taken(c.eligibleCase().reference(), c.inclusionProbability(),
                            c.profile())).toList());
        }
        return sample(inspection, fieldworkStart);
    }

    /**
     * The sample as it stands, read from what the draw stored (the quotas, each case's profile and
     * probability): the population is not read.
     */
    @Transactional(readOnly = true)
    public List<CategorySample> sample(UUID inspection, LocalDate fieldworkStart) {
        List<SampleStore.DrawRow> draws = samples.draws(inspection);
        if (draws.isEmpty()) {
            return List.of();
        }
        Map<CaseCategory, List<SampleDesign.Quota>> quotas = samples.quotas(inspection);
        List<SampleStore.SampledCaseRow> rows = samples.sampledCases(inspection);
        if (rows.stream().anyMatch(r -> r.profile() == null)) {
            rows = withProfilesOfAnEarlierDraw(inspection, fieldworkStart, rows);
        }
        List<CategorySample> result = new ArrayList<>();
        for (SampleStore.DrawRow draw : draws) {
            List<SampleStore.SampledCaseRow> own = rows.stream().filter(r -> r.category() == draw.category()).toList();
            List<Profile> active = own.stream().filter(SampleStore.SampledCaseRow::active).map(SampleStore.SampledCaseRow::profile).toList();
            List<SampleDesign.Quota> drawQuotas = quotas.get(draw.category());
            List<MarginBalance> balance = drawQuotas == null ? List.of()
                    : SampleDesign.balance(drawQuotas, draw.size(), active);
            result.add(new CategorySample(draw, own, balance));
        }
        return result;
    }

    /**
     * Samples drawn before profiles were recorded: each sampled case's profile from its own row
     * of the population and the plan's windows (its probability stays unknown).
     */
    private List<SampleStore.SampledCaseRow> withProfilesOfAnEarlierDraw(UUID inspection, LocalDate fieldworkStart,
                                                                          List<SampleStore.SampledCaseRow> rows) {
        Map<CaseCategory, CategorySettings> settings = samples.settings(inspection).orElseThrow();
        Map<String, EligibleCase> sampled = new HashMap<>();
        populations.loadEverSampled(inspection).forEach(c -> sampled.put(c.reference(), c));
        return rows.stream().map(r -> r.profile() != null ? r : new SampleStore.SampledCaseRow(r.reference(), r.category(), r.position(),
                r.active(), r.replacedBecause(), r.replaces(), r.replacementNote(), r.inclusionProbability(),
                Profile.of(sampled.get(r.reference()), SamplePlanning.windows(settings.get(r.category()), fieldworkStart).recent())))
                .toList();
    }

    /**
     * Replaces a sampled case by an unsampled one of the same profile, read by a query for that
     * profile alone; only where the profile is exhausted are the category's other unsampled cases read.
     */
    @Transactional
    public Replaced replace(UUID inspection, LocalDate fieldworkStart, String reference, String reason) {
        samples.lock(inspection);
        CategorySample category = sample(inspection, fieldworkStart).stream()
                .filter(s -> s.cases().stream().anyMatch(r -> r.reference().equals(reference) && r.active()))
                .findFirst()
                .orElseThrow(() -> new SamplingRefusedException("NOT_IN_SAMPLE", reference + " is not in the sample as it stands"));
        CaseCategory caseCategory = category.draw().category();
        CategoryPlan windows = SamplePlanning.windows(samples.settings(inspection).orElseThrow().get(caseCategory), fieldworkStart);
        SampleStore.SampledCaseRow out = category.cases().stream().filter(r -> r.reference().equals(reference)).findFirst().orElseThrow();
        Profile profile = out.profile();
        List<SampleReplacement.Candidate> candidates = candidates(populations.unsampled(inspection, caseCategory, profile.gender(),
                profile.disposalType(), profile.riskOfSeriousHarm(), profile.safetyAndWellbeing()), windows).stream()
                .filter(c -> c.profile().equals(profile)).toList();
        if (candidates.isEmpty()) {
            candidates = candidates(populations.unsampled(inspection, caseCategory, null, null, null, null), windows);
        }
        long replacements = category.cases().stream().filter(r -> !r.active()).count();
        SampleReplacement.Replacement choice = SampleReplacement.replace(profile, candidates, category.balance(),
                category.draw().seed() + 1000 * (replacements + 1));
        Optional<SampleStore.Taken> taken = choice.replacement().map(c -> new SampleStore.Taken(c.eligibleCase().reference(),
                out.inclusionProbability() != null && c.profile().equals(profile) ? out.inclusionProbability() : 0.0, c.profile()));
        samples.replace(inspection, caseCategory, reference, reason, taken, choice.note());
        CategorySample after = sample(inspection, fieldworkStart).stream()
                .filter(s -> s.draw().category() == caseCategory).findFirst().orElseThrow();
        Optional<SampleStore.SampledCaseRow> row = choice.replacement().flatMap(c -> after.cases().stream()
                .filter(r -> r.reference().equals(c.eligibleCase().reference())).findFirst());
        return new Replaced(row, choice.profileExhausted(), choice.note(), after);
    }

    private static List<SampleReplacement.Candidate> candidates(List<EligibleCase> unsampled, CategoryPlan windows) {
        return unsampled.stream().filter(windows::eligible)
                .map(c -> new SampleReplacement.Candidate(c, Profile.of(c, windows.recent()))).toList();
    }

    private void refuseIfDrawn(UUID inspection, String why) {
        if (samples.drawn(inspection)) {
            throw new SamplingRefusedException("SAMPLE_DRAWN", why);
        }
    }
}
