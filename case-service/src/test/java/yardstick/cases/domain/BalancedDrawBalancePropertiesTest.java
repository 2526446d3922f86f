package yardstick.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The balanced probability draw on many populations, one draw each: every classification's counts
 * within one case of their proportional targets on populations shaped like the reports' services
 * (but in the rare draws whose landing loosens a bound: within two then), within two on
 * adversarial ones; the recency share met; the same seed, the same sample.
 */
class BalancedDrawBalancePropertiesTest {

    private static final LocalDate FIELDWORK = LocalDate.of(2021, 6, 21);
    private static final Predicate<EligibleCase> RECENT = c -> !c.disposalDate().isBefore(FIELDWORK.minusMonths(9))
            && !c.disposalDate().isAfter(FIELDWORK.minusMonths(6));
    private static final Map<String, TreeMap<Double, Integer>> DEVIATIONS = new TreeMap<>();
    /** Report-shaped draws made, and those with a count outside one case of its quota. */
    private static final int[] REPORT_SHAPED = new int[2];

    /**
     * Populations of a few hundred court cases with the caseload mix of Kent's and Harrow's
     * contextual facts, and about half their disposals six to nine months before fieldwork: a
     * window that can supply Kent's 60 per cent without being taken whole.
     */
    @Property(tries = 300)
    void onReportShapedPopulationsEveryCategoryIsWithinOneCaseOfItsTarget(
            @ForAll @IntRange(min = 100, max = 600) int size, @ForAll @LongRange(min = 1) long seed) {
        Random random = new Random(seed);
        List<EligibleCase> population = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            population.add(courtCase(i, random, 0.5,
                    pick(random, new double[] {0.15, 0.85}, Gender.FEMALE, Gender.MALE),
                    pick(random, new double[] {0.45, 0.43, 0.06, 0.06}, DisposalType.REFERRAL_ORDER,
                            DisposalType.YOUTH_REHABILITATION_ORDER, DisposalType.CUSTODIAL_SENTENCE, DisposalType.LICENCE),
                    pick(random, new double[] {0.3, 0.45, 0.2, 0.05}, RiskLevel.values()),
                    pick(random, new double[] {0.25, 0.45, 0.25, 0.05}, RiskLevel.values())));
        }
        DrawnSample sample = drawAndCheck("report-shaped", population, seed);
        // Within one case but where the landing had to loosen a bound (see BalancedProbabilityDraw): within two then.
        assertTrue(sample.largestDeviation() < 2.0 + 1e-9, "largest deviation " + sample.largestDeviation() + "\n" + sample.balance());
        synchronized (REPORT_SHAPED) {
            REPORT_SHAPED[0]++;
            if (sample.largestDeviation() >= 1.0 + 1e-9) {
                REPORT_SHAPED[1]++;
            }
        }
    }

    /** Of the report-shaped draws, at most 2 per cent (and at most one while there are fewer than 50) outside one case. */
    @AfterProperty
    void loosenedDrawsAreRare() {
        synchronized (REPORT_SHAPED) {
            assertTrue(REPORT_SHAPED[1] <= Math.max(1, REPORT_SHAPED[0] / 50),
                    REPORT_SHAPED[1] + " of " + REPORT_SHAPED[0] + " draws outside one case");
        }
    }

    /**
     * Up to 5,000 cases, skewed strata and many tiny cells, disposals spread evenly over the year
     * (so the recency window often has to be taken whole, fixing part of the sample).
     */
    @Property(tries = 150)
    void onAdversarialPopulationsEveryCategoryIsWithinTwoCasesOfItsTarget(
            @ForAll @IntRange(min = 20, max = 5000) int size, @ForAll @LongRange(min = 1) long seed) {
        Random random = new Random(seed);
        double[] genders = skewed(random, Gender.values().length);
        double[] types = skewed(random, 4);
        double[] harm = skewed(random, 4);
        double[] wellbeing = skewed(random, 4);
        List<EligibleCase> population = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            population.add(courtCase(i, random, 0.25, pick(random, genders, Gender.values()),
                    pick(random, types, DisposalType.REFERRAL_ORDER, DisposalType.YOUTH_REHABILITATION_ORDER,
                            DisposalType.CUSTODIAL_SENTENCE, DisposalType.LICENCE),
                    pick(random, harm, RiskLevel.values()), pick(random, wellbeing, RiskLevel.values())));
        }
        DrawnSample sample = drawAndCheck("adversarial", population, seed);
        assertTrue(sample.largestDeviation() < 2.0 + 1e-9, "largest deviation " + sample.largestDeviation() + "\n" + sample.balance());
    }

    private static DrawnSample drawAndCheck(String kind, List<EligibleCase> population, long seed) {
        int size = SampleSize.of(population.size(), 0.8, 0.05, 14, 91).size();
        DrawnSample sample = BalancedProbabilityDraw.draw(population, size, RECENT, 0.6, seed);
        assertEquals(size, sample.cases().size());
        assertEquals(sample.eligibleCases(), BalancedProbabilityDraw.draw(population, size, RECENT, 0.6, seed).eligibleCases(),
                "deterministic for a seed");
        MarginBalance recent = sample.balance().stream()
                .filter(b -> b.classification().equals(Profile.RECENCY) && b.category().equals("RECENT"))
                .findFirst().orElseThrow();
        assertTrue(Math.abs(recent.achieved() - recent.proportionalTarget()) < 1.0 + 1e-9, "recency " + recent);
        synchronized (DEVIATIONS) {
            TreeMap<Double, Integer> histogram = DEVIATIONS.computeIfAbsent(kind, k -> new TreeMap<>());
            double rounded = Math.ceil(sample.largestDeviation() * 4) / 4;
            histogram.merge(rounded, 1, Integer::sum);
        }
        return sample;
    }

    @AfterContainer
    static void printDistribution() {
        DEVIATIONS.forEach((kind, histogram) -> System.out.println("largest deviation per draw (" + kind
                + "), rounded up to quarter cases -> number of draws: " + histogram));
    }

    private static EligibleCase courtCase(int i, Random random, double recentShare, Gender gender, DisposalType type, RiskLevel harm,
                                          RiskLevel wellbeing) {
        LocalDate disposal = random.nextDouble() < recentShare
                ? FIELDWORK.minusMonths(6).minusDays(random.nextInt(89))
                : FIELDWORK.minusDays(1 + random.nextInt(365));
        return new EligibleCase(String.format("YJS-%05d", i), CaseCategory.COURT, type, disposal, Optional.empty(), gender,
                10 + random.nextInt(8), EthnicityGroup.WHITE, harm, wellbeing, random.nextInt(10) == 0, "CM-" + random.nextInt(20));
    }

    /** Shares drawn to be lopsided: one dominant category and tiny ones. */
    private static double[] skewed(Random random, int n) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.pow(random.nextDouble(), 4) + (random.nextInt(n) == 0 ? 0 : 0.001);
        }
        double sum = java.util.Arrays.stream(weights).sum();
        for (int i = 0; i < n; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    @SafeVarargs
    private static <T> T pick(Random random, double[] weights, T... values) {
        double r = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < values.length; i++) {
            cumulative += weights[i];
            if (r < cumulative) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
