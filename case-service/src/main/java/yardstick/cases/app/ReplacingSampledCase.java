package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.CategoryPlan;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.Profile;
import yardstick.cases.domain.SamplePlanning;
import yardstick.cases.domain.SampleReplacement;
import yardstick.cases.domain.SampledCase;
import yardstick.cases.store.PopulationStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/**
 * A sampled case that cannot be inspected, replaced by its inspection's lead inspector with an
 * unsampled one of the same profile, read by a query for that profile alone; only where the profile
 * is exhausted are the category's other unsampled cases read.
 */
@Singleton
public class ReplacingSampledCase {

    /** The sampled case {@code reference} to replace, and why it cannot be inspected. */
    public record ReplaceSampledCase(InspectionName inspection, String reference, String reason) {
    }

    /** A replacement made (none when the category has no case left to take), and the category's sample after it. */
    public record Replaced(Optional<SampledCase> replacement, boolean profileExhausted, String note, CategorySample sample) {
    }

    private final InspectionAccess access;
    private final SampleAsItStands sample;
    private final SampleStore samples;
    private final PopulationStore populations;

    ReplacingSampledCase(InspectionAccess access, SampleAsItStands sample, SampleStore samples, PopulationStore populations) {
        this.access = access;
        this.sample = sample;
        this.samples = samples;
        this.populations = populations;
    }

    @Transactional
    public Replaced replace(Caller caller, ReplaceSampledCase command) {
        Inspection inspection = access.forLead(caller, command.inspection(), CaseWork.REPLACE_SAMPLED_CASE);
        String reference = command.reference();
        CategorySample category = sample.of(inspection.id(), inspection.fieldworkStart()).stream()
                .filter(s -> s.cases().stream().anyMatch(r -> r.reference().equals(reference) && r.active()))
                .findFirst()
                .orElseThrow(() -> new Refused.RulesBroken("NOT_IN_SAMPLE", inspection.name(), reference + " is not in the sample as it stands"));
        CaseCategory caseCategory = category.draw().category();
        CategoryPlan windows = SamplePlanning.windows(samples.settings(inspection.id()).orElseThrow().get(caseCategory),
                inspection.fieldworkStart());
        SampledCase out = category.cases().stream().filter(r -> r.reference().equals(reference)).findFirst().orElseThrow();
        Profile profile = out.profile();
        List<SampleReplacement.Candidate> candidates = candidates(populations.unsampled(inspection.id(), caseCategory, profile.gender(),
                profile.disposalType(), profile.riskOfSeriousHarm(), profile.safetyAndWellbeing()), windows).stream()
                .filter(c -> c.profile().equals(profile)).toList();
        if (candidates.isEmpty()) {
            candidates = candidates(populations.unsampled(inspection.id(), caseCategory, null, null, null, null), windows);
        }
        long replacements = category.cases().stream().filter(r -> !r.active()).count();
        SampleReplacement.Replacement choice = SampleReplacement.replace(profile, candidates, category.balance(),
                category.draw().seed() + 1000 * (replacements + 1));
        Optional<SampleStore.Taken> taken = choice.replacement().map(c -> new SampleStore.Taken(c.eligibleCase().reference(),
                out.inclusionProbability() != null && c.profile().equals(profile) ? out.inclusionProbability() : 0.0, c.profile()));
        samples.replace(inspection.id(), caseCategory, reference, command.reason(), taken, choice.note());
        CategorySample after = sample.of(inspection.id(), inspection.fieldworkStart()).stream()
                .filter(s -> s.draw().category() == caseCategory).findFirst().orElseThrow();
        Optional<SampledCase> row = choice.replacement().flatMap(c -> after.cases().stream()
                .filter(r -> r.reference().equals(c.eligibleCase().reference())).findFirst());
        return new Replaced(row, choice.profileExhausted(), choice.note(), after);
    }

    private static List<SampleReplacement.Candidate> candidates(List<EligibleCase> unsampled, CategoryPlan windows) {
        return unsampled.stream().filter(windows::eligible)
                .map(c -> new SampleReplacement.Candidate(c, Profile.of(c, windows.recent()))).toList();
    }
}
