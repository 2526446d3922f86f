package yardstick.cases.domain;

import java.util.List;

/**
 * A sample drawn from one category's eligible population: its cases, the seed and method that
 * reproduce it, and each classification's target and achieved counts.
 */
public record DrawnSample(List<EligibleCase> cases, long seed, String method, List<MarginBalance> balance) {

    public DrawnSample {
        cases = List.copyOf(cases);
        balance = List.copyOf(balance);
    }

    /** The largest distance, in cases, between any category's count and its whole-number target. */
    public int largestMiss() {
        return balance.stream().mapToInt(b -> Math.abs(b.achieved() - b.target())).max().orElse(0);
    }

    /** The largest distance, in cases, between any category's count and its proportional target. */
    public double largestDeviation() {
        return balance.stream().mapToDouble(b -> Math.abs(b.deviation())).max().orElse(0);
    }
}
