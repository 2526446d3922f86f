package yardstick.cases.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CategoryDraw;
import yardstick.cases.domain.CategorySettings;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.LoosenedBound;
import yardstick.cases.domain.MarginBalance;
import yardstick.cases.domain.Profile;
import yardstick.cases.domain.SampleDesign;
import yardstick.cases.domain.SamplePlanning;
import yardstick.cases.domain.SampledCase;
import yardstick.cases.store.PopulationStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;

/** What the sampling and judging use cases ask of an inspection's sample, in their transaction. */
@Singleton
class SampleAsItStands {

    private final PopulationStore populations;
    private final SampleStore samples;

    SampleAsItStands(PopulationStore populations, SampleStore samples) {
        this.populations = populations;
        this.samples = samples;
    }

    /** Refuses a change to the population or the plan once the sample is drawn. */
    void refuseIfDrawn(UUID inspection, String subject, String why) {
        if (samples.drawn(inspection)) {
            throw new Refused.RulesBroken("SAMPLE_DRAWN", subject, why);
        }
    }

    /** The case, when it is in the inspection's sample as it stands; refused as not found, naming {@code name}, otherwise. */
    EligibleCase sampledCase(UUID inspection, String reference, String name) {
        return populations.loadSampled(inspection, reference).orElseThrow(() -> notSampled(name));
    }

    static Refused notSampled(String name) {
        return new Refused.NotFound(name + " is not a case in the inspection's sample");
    }

    /**
     * The sample as it stands, read from what the draw stored (the quotas, each case's profile and
     * probability): the population is not read. Empty before the draw.
     */
    List<CategorySample> of(UUID inspection, LocalDate fieldworkStart) {
        List<CategoryDraw> draws = samples.draws(inspection);
        if (draws.isEmpty()) {
            return List.of();
        }
        Map<CaseCategory, List<SampleDesign.Quota>> quotas = samples.quotas(inspection);
        Map<CaseCategory, List<LoosenedBound>> loosened = samples.loosened(inspection);
        List<SampledCase> rows = samples.sampledCases(inspection);
        if (rows.stream().anyMatch(r -> r.profile() == null)) {
            rows = withProfilesOfAnEarlierDraw(inspection, fieldworkStart, rows);
        }
        List<CategorySample> result = new ArrayList<>();
        for (CategoryDraw draw : draws) {
            List<SampledCase> own = rows.stream().filter(r -> r.category() == draw.category()).toList();
            List<Profile> active = own.stream().filter(SampledCase::active).map(SampledCase::profile).toList();
            List<SampleDesign.Quota> drawQuotas = quotas.get(draw.category());
            List<MarginBalance> balance = drawQuotas == null ? List.of()
                    : SampleDesign.balance(drawQuotas, draw.size(), active);
            result.add(new CategorySample(draw, own, balance, loosened.getOrDefault(draw.category(), List.of())));
        }
        return result;
    }

    /**
     * Samples drawn before profiles were recorded: each sampled case's profile from its own row
     * of the population and the plan's windows (its probability stays unknown).
     */
    private List<SampledCase> withProfilesOfAnEarlierDraw(UUID inspection, LocalDate fieldworkStart, List<SampledCase> rows) {
        Map<CaseCategory, CategorySettings> settings = samples.settings(inspection).orElseThrow();
        Map<String, EligibleCase> sampled = new HashMap<>();
        populations.loadEverSampled(inspection).forEach(c -> sampled.put(c.reference(), c));
        return rows.stream().map(r -> r.profile() != null ? r : new SampledCase(r.reference(), r.category(), r.position(),
                r.active(), r.replacedBecause(), r.replaces(), r.replacementNote(), r.inclusionProbability(),
                Profile.of(sampled.get(r.reference()), SamplePlanning.windows(settings.get(r.category()), fieldworkStart).recent()),
                r.inspector()))
                .toList();
    }
}
