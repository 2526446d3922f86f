package yardstick.cases.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A harness, run only by name (its name matches none of Surefire's default patterns): draws once
 * on each of {@code -Dharness.draws} (1,000) adversarial populations of 100 to 5,000 cases
 * ({@link BalancedDrawBalancePropertiesTest#adversarialPopulation}), from a fixed stream of sizes
 * and seeds (skipping the first {@code -Dharness.first}), and counts the draws that loosened a
 * bound, reporting for each how many cases the pivotal method left undecided, so where the flight
 * started. Where more than 34 are, the flight moves before any landing is tried and may leave
 * the hull of the balanced samples. Measured on draws 0 to 7,499 of this stream: 9 loosened
 * (1 of the first 1,000), each with 95 to 273 undecided after the pivotal method; drawn again
 * with 100 other seeds each, those populations loosened 0 to 8 times in 100, so the point where
 * the flight started lay in the hull and the flight left it. Run with
 * {@code ./mvnw -B -q -o verify -pl case-service -am -Dtest=LargeAdversarialLooseningHarness
 * -Dsurefire.failIfNoSpecifiedTests=false}; the report is in
 * {@code case-service/target/surefire-reports/yardstick.cases.domain.LargeAdversarialLooseningHarness-output.txt}.
 */
class LargeAdversarialLooseningHarness {

    /** About 1 in 800 measured: at most 1 in 300 asserted (3 of the default 1,000). */
    @Test
    void largeAdversarialDrawsRarelyLoosen() {
        int draws = Integer.getInteger("harness.draws", 1000);
        int first = Integer.getInteger("harness.first", 0);
        SplittableRandom seeds = new SplittableRandom(20261203L);
        int drawn = 0;
        int loosened = 0;
        int notMet = 0;
        long nanos = 0;
        for (int i = 0; i < first + draws; i++) {
            int size = 100 + seeds.nextInt(4901);
            long seed = seeds.nextLong(1, Long.MAX_VALUE);
            if (i < first) {
                continue;
            }
            List<EligibleCase> population = BalancedDrawBalancePropertiesTest.adversarialPopulation(size, seed);
            int n = BalancedDrawBalancePropertiesTest.sampleSize(population);
            if (!BalancedDrawBalancePropertiesTest.quotasMetInExpectation(population, n)) {
                notMet++;
                continue;
            }
            long start = System.nanoTime();
            DrawnSample sample = BalancedProbabilityDraw.draw(population, n, BalancedDrawBalancePropertiesTest.RECENT,
                    BalancedDrawBalancePropertiesTest.RECENT_SHARE, seed);
            nanos += System.nanoTime() - start;
            drawn++;
            if (!sample.loosened().isEmpty()) {
                loosened++;
                System.out.printf("loosened: draw %d, %d cases, n %d, seed %d, %d undecided after the pivotal method: %s%n", i, size,
                        n, seed, undecidedAfterThePivotalMethod(population, n), sample.loosened());
            }
        }
        String summary = String.format("%d of %d draws loosened a bound (%d populations skipped: quotas not met in expectation); "
                + "%.1f ms a draw", loosened, drawn, notMet, nanos / 1e6 / Math.max(1, drawn));
        System.out.println(summary);
        assertTrue(loosened <= Math.max(1, drawn / 300), summary);
    }

    /** The profiles whose expected count is not whole: the pivotal method leaves one case of each undecided. */
    private static int undecidedAfterThePivotalMethod(List<EligibleCase> population, int n) {
        SampleDesign design = BalancedDrawBalancePropertiesTest.design(population, n);
        int undecided = 0;
        for (Map.Entry<Profile, Integer> profile : design.casesByProfile().entrySet()) {
            double expected = design.inclusionProbability(profile.getKey()) * profile.getValue();
            double fraction = expected - Math.floor(expected);
            if (fraction > 1e-9 && fraction < 1 - 1e-9) {
                undecided++;
            }
        }
        return undecided;
    }
}
