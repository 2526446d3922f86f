package yardstick.cases.domain;

import java.util.List;

/**
 * A sample drawn from one category's eligible population: its cases, each with its profile and
 * inclusion probability, the seed and method that reproduce it, and each classification's quota
 * and achieved count. A draw whose landing had to loosen a category's bound (see
 * {@link BalancedProbabilityDraw}) says which and by how many cases: only such a draw may miss a
 * quota by more than a case.
 */
public record DrawnSample(List<DrawnCase> cases, long seed, String method, List<MarginBalance> balance,
                          List<LoosenedBound> loosened) {

    /** A case drawn, with what the design knew of it and its chance of being drawn. */
    public record DrawnCase(EligibleCase eligibleCase, Profile profile, double inclusionProbability) {
    }

    public DrawnSample {
        cases = List.copyOf(cases);
        balance = List.copyOf(balance);
        loosened = List.copyOf(loosened);
    }

    public List<EligibleCase> eligibleCases() {
        return cases.stream().map(DrawnCase::eligibleCase).toList();
    }

    /** The largest distance, in cases, between any category's count and its proportional target. */
    public double largestDeviation() {
        return balance.stream().mapToDouble(b -> Math.abs(b.deviation())).max().orElse(0);
    }
}
