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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The balanced probability draw on many populations, one draw each: every classification's counts
 * and the recency share within one case of their quotas in every draw but those that state their
 * landing loosened a bound, and those rare wherever the population's quotas can be met in
 * expectation (see {@link #loosenedRate}): on populations shaped like the reports' services, on
 * adversarial ones up to 5,000 cases and on small ones with singleton categories and tiny
 * profiles. The same seed, the same sample.
 */
class BalancedDrawBalancePropertiesTest {

    private static final LocalDate FIELDWORK = LocalDate.of(2021, 6, 21);
    static final Predicate<EligibleCase> RECENT = c -> !c.disposalDate().isBefore(FIELDWORK.minusMonths(9))
            && !c.disposalDate().isAfter(FIELDWORK.minusMonths(6));
    static final double RECENT_SHARE = 0.6;
    private static final Map<String, TreeMap<Double, Integer>> DEVIATIONS = new TreeMap<>();
    /** Each kind's draws made, and those that stated a loosened landing. */
    private static final Map<String, int[]> DRAWS = new TreeMap<>();
    /**
     * The rate of loosened landings each kind is held to, on populations whose quotas can be met
     * in expectation: one in 1,000 for report-shaped and small ones, which
     * {@link BalancedDrawLooseningRateTest} counts on a fixed stream of populations (none in its
     * first 1,000 of each kind, nor in 5,000 report-shaped or 4,485 small ones); one in 100 for
     * adversarial ones, whose populations of 20 to 100 cases, where the sample is most of the
     * population and few cases are left undecided after the pivotal method, may allow no balanced
     * sample with their probabilities (11 of 1,916 such draws loosened, each of 20 to 31 cases;
     * of 100 to 5,000 cases, 4 of 40,992). These draws are random, a few hundred of each kind, so
     * a count is rejected only where it would be implausible at that rate (a chance below one in a
     * million): a count of a rare event over so few draws cannot be held to one in 1,000 without
     * failing by chance, which the fixed stream can.
     */
    private static double loosenedRate(String kind) {
        return kind.equals("adversarial") ? 0.01 : 0.001;
    }

    /** The chance of at least {@code count} of {@code draws} loosening a bound, were each to loosen with probability {@code rate}. */
    private static double chanceOfAtLeast(int count, int draws, double rate) {
        double odds = rate / (1 - rate);
        double term = Math.pow(1 - rate, draws);
        for (int k = 0; k < count; k++) {
            term *= odds * (draws - k) / (k + 1);
        }
        double tail = 0;
        for (int k = count; k <= draws && term > 0; k++) {
            tail += term;
            term *= odds * (draws - k) / (k + 1);
        }
        return tail;
    }

    /**
     * Populations of a few hundred court cases with the caseload mix of Kent's and Harrow's
     * contextual facts, and about half their disposals six to nine months before fieldwork: a
     * window that can supply Kent's 60 per cent without being taken whole.
     */
    @Property(tries = 300)
    void onReportShapedPopulationsEveryCategoryIsWithinOneCaseOfItsTarget(
            @ForAll @IntRange(min = 100, max = 600) int size, @ForAll @LongRange(min = 1) long seed) {
        drawAndCheck("report-shaped", reportShapedPopulation(size, seed), seed);
    }

    /** The report-shaped generator: {@code size} cases drawn from the seed. */
    static List<EligibleCase> reportShapedPopulation(int size, long seed) {
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
        return population;
    }

    /**
     * Up to 5,000 cases, skewed strata and many tiny cells, disposals spread evenly over the year
     * (so the recency window often has to be taken whole, fixing part of the sample).
     */
    @Property(tries = 150)
    void onAdversarialPopulationsEveryCategoryIsWithinOneCaseOfItsTarget(
            @ForAll @IntRange(min = 20, max = 5000) int size, @ForAll @LongRange(min = 1) long seed) {
        drawAndCheck("adversarial", adversarialPopulation(size, seed), seed);
    }

    /** The adversarial generator: {@code size} cases, skewed strata and tiny cells, drawn from the seed. */
    static List<EligibleCase> adversarialPopulation(int size, long seed) {
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
        return population;
    }

    /**
     * Small populations (30 to 120 cases, so the sample is much of them) with a singleton girl, a
     * singleton licence case, a child of another gender, one very high risk of serious harm and
     * profiles of a case or two: the rare categories where balance is hardest.
     */
    @Property(tries = 300)
    void onSmallPopulationsWithSingletonCategoriesEveryCategoryIsWithinOneCaseOfItsTarget(
            @ForAll @IntRange(min = 30, max = 120) int size, @ForAll @LongRange(min = 1) long seed) {
        drawAndCheck("small", smallPopulation(size, seed), seed);
    }

    /** The small generator: {@code size} cases with singleton categories and tiny profiles, drawn from the seed. */
    static List<EligibleCase> smallPopulation(int size, long seed) {
        Random random = new Random(seed);
        List<EligibleCase> population = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            population.add(courtCase(i, random, 0.5, i == 0 ? Gender.FEMALE : i == 1 ? Gender.OTHER : Gender.MALE,
                    i == 2 ? DisposalType.LICENCE : random.nextInt(12) == 0 ? DisposalType.CUSTODIAL_SENTENCE
                            : random.nextBoolean() ? DisposalType.REFERRAL_ORDER : DisposalType.YOUTH_REHABILITATION_ORDER,
                    i == 3 ? RiskLevel.VERY_HIGH : RiskLevel.values()[random.nextInt(3)],
                    RiskLevel.values()[random.nextInt(4)]));
        }
        return population;
    }

    /** Each kind's draws that stated a loosened landing: no more than {@link #loosenedRate} makes plausible, where the quotas can be met in expectation. */
    @AfterContainer
    static void loosenedLandingsAreRare() {
        synchronized (DRAWS) {
            DRAWS.forEach((kind, counts) -> System.out.println(kind + ": " + counts[1] + " of " + counts[0] + " draws loosened a bound"));
            DRAWS.entrySet().stream().filter(e -> !e.getKey().endsWith("not met in expectation")).forEach(e -> {
                int draws = e.getValue()[0];
                int loosened = e.getValue()[1];
                double chance = chanceOfAtLeast(loosened, draws, loosenedRate(e.getKey()));
                assertTrue(chance >= 1e-6, e.getKey() + ": " + loosened + " of " + draws + " draws loosened a bound, a chance of "
                        + chance + " at a rate of " + loosenedRate(e.getKey()));
            });
        }
    }

    /**
     * Draws twice with the seed and checks the sample. Where the stated inclusion probabilities
     * cannot add up to every quota worked out by hand (the recency window taken whole, say, makes
     * its cases certain and overfills a category), no probability design meets every quota even
     * in expectation and the draw often has to loosen a bound: such draws are counted apart.
     */
    private static DrawnSample drawAndCheck(String kind, List<EligibleCase> population, long seed) {
        int size = sampleSize(population);
        if (!quotasMetInExpectation(population, size)) {
            kind += ", quotas not met in expectation";
        }
        DrawnSample sample = BalancedProbabilityDraw.draw(population, size, RECENT, RECENT_SHARE, seed);
        assertEquals(size, sample.cases().size());
        assertEquals(sample.eligibleCases(), BalancedProbabilityDraw.draw(population, size, RECENT, RECENT_SHARE, seed).eligibleCases(),
                "deterministic for a seed");
        if (sample.loosened().isEmpty()) {
            // Every classification and the recency share: the floor or the ceiling of the quota.
            assertTrue(sample.largestDeviation() < 1.0 + 1e-9, "largest deviation " + sample.largestDeviation() + "\n" + sample.balance());
        }
        synchronized (DRAWS) {
            int[] counts = DRAWS.computeIfAbsent(kind, k -> new int[2]);
            counts[0]++;
            counts[1] += sample.loosened().isEmpty() ? 0 : 1;
        }
        synchronized (DEVIATIONS) {
            TreeMap<Double, Integer> histogram = DEVIATIONS.computeIfAbsent(kind, k -> new TreeMap<>());
            double rounded = Math.ceil(sample.largestDeviation() * 4) / 4;
            histogram.merge(rounded, 1, Integer::sum);
        }
        return sample;
    }

    /** The inspectorate's sample size for a population this large (80 per cent confidence, 5 per cent margin, 14 to 91 cases). */
    static int sampleSize(List<EligibleCase> population) {
        return SampleSize.of(population.size(), 0.8, 0.05, 14, 91).size();
    }

    static SampleDesign design(List<EligibleCase> population, int n) {
        return SampleDesign.of(population.stream().map(c -> Profile.of(c, RECENT)).toList(), n, RECENT_SHARE);
    }

    static boolean quotasMetInExpectation(List<EligibleCase> population, int n) {
        SampleDesign design = design(population, n);
        Map<String, Double> sums = new TreeMap<>();
        for (EligibleCase c : population) {
            double pi = design.inclusionProbability(Profile.of(c, RECENT));
            BalancedProbabilityDesignPropertiesTest.categoriesOf(c).forEach(key -> sums.merge(key, pi, Double::sum));
        }
        return BalancedProbabilityDesignPropertiesTest.quotasByHand(population, n).entrySet().stream()
                .allMatch(quota -> Math.abs(sums.getOrDefault(quota.getKey(), 0.0) - quota.getValue()) < 1e-6);
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
            weights[i] = StrictMath.pow(random.nextDouble(), 4) + (random.nextInt(n) == 0 ? 0 : 0.001);
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
