package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The case that takes the place of a sampled case that cannot be inspected, keeping the design:
 * an unsampled case of the same {@link Profile} (the same classifications and recency, so the
 * same inclusion probability), chosen at random from those left with a seed derived from the
 * draw's; where the profile is exhausted, the unsampled case that keeps the sample's counts
 * closest to their quotas (the fewest counts outside the floor-to-ceiling range of their quotas,
 * ties in seeded random order), and its record says how it differs.
 */
public final class SampleReplacement {

    /** An unsampled case that could take the place, with its profile. */
    public record Candidate(EligibleCase eligibleCase, Profile profile) {
    }

    /** The outcome: the case taken, whether the profile was exhausted, and what was done, in words for the record. */
    public record Replacement(Optional<Candidate> replacement, boolean profileExhausted, String note) {
    }

    private SampleReplacement() {
    }

    /**
     * @param out the profile of the case leaving the sample
     * @param candidates unsampled cases that can be inspected: those of {@code out}'s profile, or
     *                   every one when none of its profile is left
     * @param balance each category's quota and count as the sample stands, {@code out} still counted
     */
    public static Replacement replace(Profile out, List<Candidate> candidates, List<MarginBalance> balance, long seed) {
        if (candidates.isEmpty()) {
            return new Replacement(Optional.empty(), true, "no unsampled case is left in the population; the sample is one case smaller");
        }
        List<Candidate> order = new ArrayList<>(candidates);
        order.sort(Comparator.comparing(c -> c.eligibleCase().reference()));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        for (Candidate candidate : order) {
            if (candidate.profile().equals(out)) {
                return new Replacement(Optional.of(candidate), false, "replaced at random from the same profile (" + out.describe()
                        + "), so the design and the replacement's inclusion probability are the same");
            }
        }
        Candidate best = order.get(0);
        double bestMiss = Double.POSITIVE_INFINITY;
        for (Candidate candidate : order) {
            double miss = missAfterSwap(balance, out, candidate.profile());
            if (miss < bestMiss) {
                best = candidate;
                bestMiss = miss;
            }
        }
        List<String> differences = new ArrayList<>();
        for (String classification : Profile.CLASSIFICATIONS) {
            if (!best.profile().category(classification).equals(out.category(classification))) {
                differences.add(classification.toLowerCase(Locale.ROOT));
            }
        }
        return new Replacement(Optional.of(best), true, "the profile is exhausted: no unsampled case shares its classifications and "
                + "recency; replaced by the case that keeps the sample closest to its quotas, which differs in "
                + String.join(", ", differences));
    }

    /** The total, in cases, by which counts would fall outside the floor-to-ceiling range of their quotas. */
    private static double missAfterSwap(List<MarginBalance> balance, Profile out, Profile in) {
        double miss = 0;
        for (MarginBalance category : balance) {
            int count = category.achieved();
            if (out.category(category.classification()).equals(category.category())) {
                count--;
            }
            if (in.category(category.classification()).equals(category.category())) {
                count++;
            }
            double lowest = Math.floor(category.proportionalTarget() + 1e-9);
            double highest = Math.ceil(category.proportionalTarget() - 1e-9);
            miss += Math.max(0, lowest - count) + Math.max(0, count - highest);
        }
        return miss;
    }
}
