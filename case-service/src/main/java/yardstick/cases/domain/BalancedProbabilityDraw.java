package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Draws a balanced probability sample: every case of the eligible population has a known
 * inclusion probability above zero ({@link SampleDesign}: n / N calibrated by raking so that each
 * classification category's probabilities add up to its quota and the recency window's to the
 * recency share), and every sample drawn has each category's count within one case of its quota
 * (the floor or the ceiling of it) wherever the population allows it, the recency share too.
 *
 * <p>The method is the cube method of Deville and Tillé (2004, "Efficient balanced sampling: the
 * cube method", Biometrika 91(4), 893-912). A vector of probabilities, one per case, starts at the
 * inclusion probabilities and moves at random until every entry is 0 (not drawn) or 1 (drawn).
 * Each move goes along a direction u, either +λ1 u with probability λ2 / (λ1 + λ2) or -λ2 u with
 * probability λ1 / (λ1 + λ2), so its expected change is nought: the vector is a martingale and
 * each case's chance of ending at 1 is exactly its inclusion probability, whatever directions are
 * chosen. The steps λ1, λ2 are the longest that keep the vector in the cube [0, 1]^N, so every
 * move decides at least one more case.
 * <ol>
 * <li><b>Flight phase</b>, the balancing equations held exactly: directions u with Σ u = 0 over
 * every category (balancing on the inclusion probabilities themselves, which fixes the size, and
 * on the category indicators), so that every category's sum stays at its quota. First, cases of
 * one {@link Profile} in pairs (u = e_i - e_j, which moves no category sum): the pivotal method of
 * Deville and Tillé (1998, "Unequal probability sampling without replacement through a splitting
 * method", Biometrika 85(1), 89-101), each profile's cases taken in seeded random order, leaving
 * at most one undecided case per profile in O(N). Then the fast flight phase of Chauvet and Tillé
 * (2006, "A fast algorithm for balanced sampling", Computational Statistics 21(1), 53-62) on
 * those: a direction in the kernel of the balancing equations restricted to only p + 1 undecided
 * cases (p equations), found by Gaussian elimination, the cases in seeded random order.</li>
 * <li><b>Landing phase</b> by linear programming (Deville and Tillé 2004, section 5.2), at a
 * stopping time of the flight. By optional stopping of the martingale, a case's probability where
 * the flight stops, at a moment decided only by the walk so far, still has its inclusion
 * probability as its expectation; a landing that keeps the marginals of the point where the
 * flight stopped therefore keeps every inclusion probability exact. The landing draws one of
 * some balanced samples of the undecided cases (the planned size, every category's count within
 * one case of its quota: the floor or the ceiling) with weights whose mean is the undecided
 * cases' probabilities, found by the first phase of the simplex method ({@link ExactMarginals}):
 * such weights exist only if the point lies in the convex hull of the balanced samples. Listing
 * them all would take too long, so the weights are found by column generation (Dantzig and Wolfe
 * 1960; Desrosiers and Lübbecke 2005, "A primer in column generation", in Column Generation,
 * Springer): first on samples found by a seeded search ({@value #SAMPLES_PER_CASE} per undecided
 * case), then on samples the simplex's last prices favour, for {@value #PRICED_ROUNDS} rounds,
 * then on the best sample for the prices, found exactly by branch and bound
 * ({@link BalancedSamplePricing}). Where that search runs to its end and finds no sample priced
 * above nought, it proves that the point lies outside the hull.</li>
 * </ol>
 * <b>Where the landing is tried.</b> After the pivotal method, each profile has the floor of its
 * expected count m_p = π_p N_p drawn and at most one case undecided, so a landing there draws a
 * balanced sample with each profile's count the floor or the ceiling of m_p. That point depends
 * on the population alone (cases of one profile are interchangeable), and where no more than
 * {@value #SEARCHING_FROM} cases are undecided the landing is tried there before the flight moves.
 * Where it proves the point outside the hull, the draw starts again from the inclusion
 * probabilities themselves, every uncertain case undecided (where they are no more than
 * {@value #LANDING_AT_START_MOST}), so that the landing may take any count of each profile: weights
 * on balanced samples of all cases whose mean is the inclusion probabilities exist exactly when
 * the population allows a balanced probability sample of this design. Starting again depends only
 * on the population, never on which cases the pivotal method chose, so every inclusion probability
 * stays exact. Where that landing also proves the point outside, no balanced sample can be drawn
 * with these probabilities: the population's limit, and the draw loosens a bound and says so, as
 * below. Where the cases undecided at the start are more, the flight moves first and the landing
 * is tried before each move once no more than {@value #SEARCHING_FROM} are undecided, and the
 * flight stops at the first landing that finds weights. The flight leaves the hull now and then
 * as it fixes cases (in one draw in 50 to 500 by the time 22 to 24 cases are undecided; before
 * 40 are, about one large adversarial draw in 10,000, see {@link #SEARCHING_FROM}), and once out
 * it cannot be brought back without bias: such draws may loosen a bound where the population
 * would have allowed a balanced sample.
 *
 * <p><b>Loosening.</b> Where no landing finds weights, the flight goes on to where it cannot move
 * (at most p cases undecided), and there every allowed sample is listed; where no weights exist
 * on them, one category's bound is loosened by a case and the samples listed again, in this
 * order: each safety and wellbeing category, then risk of serious harm, disposal type, gender,
 * recency; then a second case each, in the same order. The size is never loosened, and the
 * sample states which bounds were ({@link DrawnSample#loosened()}). Where no weights exist even
 * then, or the samples are too many to list, the last cases are settled by the pivotal method on
 * the size alone, and the sample states every bound loosened. The bounds are the quotas' own
 * floor and ceiling: where raking cannot meet every quota ({@link SampleDesign}: a recency window
 * taken whole, say, makes its cases certain and overfills another category), the probabilities'
 * sums are not the quotas and the draw often has to loosen a bound, and says so.
 * <p>
 * Every loop is bounded: the flight by the number of cases (each move decides one), the search by
 * its passes and each pass by its branches, the branch and bound by its branches over all the
 * rounds of a landing ({@value #PROVING_BRANCHES} where the flight starts,
 * {@value #FLIGHT_PRICING_BRANCHES} during the flight) and its rounds by the undecided cases, the
 * listing by its count of samples and of branches tried, the simplex by a limit on pivots. Past
 * any of them the landing proves nothing and the draw goes on as where weights do not exist: the
 * flight moves on, and a draw that must loosen a bound says so.
 * The same population, size, share and seed give the same sample (a {@link SplittableRandom} from
 * the seed decides every order and every move).
 */
public final class BalancedProbabilityDraw {

    public static final String METHOD = "balanced probability sample: inclusion probabilities calibrated by raking to every "
            + "classification's proportional quota and the recency share; cube method (Deville and Tillé 2004) with the fast flight "
            + "phase (Chauvet and Tillé 2006) and landing by linear programming within one case of every quota, by column generation "
            + "with exact pricing (branch and bound)";
    private static final double EPSILON = 1e-9;
    /**
     * From this few undecided cases on, before each move, the landing is tried on samples found by
     * the search. Measured over 6,000 draws each of the property tests' report-shaped,
     * adversarial (20 to 5,000 cases), small and singleton populations and the benchmark's 300
     * cases, where the quotas can be met in expectation: from 34, 9 draws in 30,000 had to loosen
     * a bound (8 of them adversarial; on adversarial populations of 20 to 100 cases, one in 170),
     * at about 5 ms of CPU per draw of 91 from 300; from 30, 38 in 30,000 at 3.5 ms; with no
     * search, landing where every allowed sample can be listed (22 to 24 cases), one in 50 to 500.
     * With the landing also tried where the flight starts, and started again from the
     * probabilities where it proves impossible there: adversarial populations of 20 to 100 cases
     * 14 in 1,957 draws (23 before), each in a population the draw proved to allow no balanced
     * sample with its probabilities; small 0 in 2,678, report-shaped 0 in 2,000. On adversarial
     * populations of 100 to 5,000 cases ({@code BalancedDrawLooseningRateTest}), from 34 with
     * 2,000 pricing branches during the flight, 9 draws in 7,499 loosened a bound; an independent
     * solver (HiGHS) showed why: in some the landing gave up, its pricing out of branches, on
     * points where weights existed (every point from 34 undecided cases down to 30, in one),
     * and in the others the flight left the hull between 42 and 34. From 40, with
     * {@value #FLIGHT_PRICING_BRANCHES} branches and {@value #NEARBY_PRICES} nearby prices,
     * 1 in 40,492 (220 cases; the flight left the hull between 44 and 40), small populations
     * none in 4,485 and report-shaped none in 5,000 (one in 1,500 before). Those figures came
     * with {@code SplittableRandom.nextGaussian} for the nearby prices; with the polar method
     * that replaced it (the same on every JDK), 4 in 40,992 adversarial draws, and still none
     * of the small or report-shaped ones; with uniform moves, 6 in 40,992. The cost is the larger
     * first landing: a draw of 91 from the benchmark's 300 cases takes 5.6 to 7.9 ms (JMH; 4.0
     * to 4.8 before), from report-shaped populations of 100 to 600 about 9 ms (4.9 before).
     */
    private static final int SEARCHING_FROM = 40;
    /**
     * How many samples within one case the search looks for first, per undecided case (and one):
     * with 10 the first try mostly finds weights; with 6 or 4, tries fail more often and the
     * draw takes longer.
     */
    private static final int SAMPLES_PER_CASE = 10;
    /** Each of the search's seeded depth-first passes stops after this many samples or branches, and the next starts afresh. */
    private static final int SAMPLES_PER_PASS = 4;
    private static final int BRANCHES_PER_PASS = 150;
    /** Where the samples found give no weights, rounds of looking for as many again as there are cases that the simplex's prices favour. */
    private static final int PRICED_ROUNDS = 3;
    /** Once the exact pricing has found a sample priced above nought, it stops after this many branches. */
    private static final long QUICK_PRICING_BRANCHES = 200;
    /**
     * After each round of the exact pricing, how many prices near the simplex's are priced too:
     * over adversarial draws 10,500 to 40,499 of {@code BalancedDrawLooseningRateTest}, with 2, 1
     * draw in 29,994 loosened a bound; with none, 4 (both with {@code nextGaussian}'s moves).
     */
    private static final int NEARBY_PRICES = 2;
    /** The branches the exact pricing may search to prove that no sample is priced above nought, where the flight starts. */
    private static final long PROVING_BRANCHES = 200_000;
    /**
     * The branches the exact pricing may search in a landing tried during the flight, where a
     * proof would change nothing (the flight moves on either way): enough to find the samples the
     * search missed. With 2,000, landings gave up on points where weights existed (see
     * {@link #SEARCHING_FROM}); the first landing mostly settles on the search's samples, so the
     * branches cost only the draws that need them.
     */
    private static final long FLIGHT_PRICING_BRANCHES = 50_000;
    /** The most undecided cases the landing is tried on before the flight moves (a sample is a bit mask of 64 bits). */
    private static final int LANDING_AT_START_MOST = 62;
    /** The most samples listed for the landing where the flight cannot move; more, and it lands on the size alone. */
    private static final int MOST_LISTED_SAMPLES = 200_000;

    private BalancedProbabilityDraw() {
    }

    /**
     * Draws {@code size} cases (all of them when the population is no larger).
     *
     * @param recent which cases fall in the recency window
     * @param recentShare the share of the sample to take from it, for example 0.6; 0 for none
     */
    public static DrawnSample draw(List<EligibleCase> population, int size, Predicate<EligibleCase> recent, double recentShare,
                                   long seed) {
        List<Profile> profiles = population.stream().map(c -> Profile.of(c, recent)).toList();
        SampleDesign design = SampleDesign.of(profiles, size, recentShare);
        CubeWalk walk = new CubeWalk(design, profiles, new SplittableRandom(seed));
        boolean[] drawn = walk.run();
        List<DrawnSample.DrawnCase> cases = new ArrayList<>(design.size());
        List<Profile> drawnProfiles = new ArrayList<>(design.size());
        for (int k = 0; k < drawn.length; k++) {
            if (drawn[k]) {
                Profile profile = profiles.get(k);
                cases.add(new DrawnSample.DrawnCase(population.get(k), profile, design.inclusionProbability(profile)));
                drawnProfiles.add(profile);
            }
        }
        List<MarginBalance> balance = design.balance(drawnProfiles);
        return new DrawnSample(cases, seed, METHOD, balance, walk.loosened(balance));
    }

    /** A category the sample is balanced on (or its size): its quota, and the counts a landed sample may have. */
    private static final class BalancedCategory {
        final String name;
        final int index;
        final int loosenedAfter;
        final double quota;
        int lowest;
        int highest;
        int loosened;

        BalancedCategory(String name, int index, int loosenedAfter, double quota) {
            this.name = name;
            this.index = index;
            this.loosenedAfter = loosenedAfter;
            this.quota = quota;
            this.lowest = (int) Math.floor(quota + EPSILON);
            this.highest = (int) Math.ceil(quota - EPSILON);
        }
    }

    /**
     * Lists, depth first, every sample of the undecided cases that keeps each category's count
     * within its bounds, giving up (answering false) once more than {@code most} are found or
     * eight times as many branches tried.
     */
    private static final class AllowedSamples {
        private final int[][] categoriesOf;
        private final int[][] membersFrom;
        private final int[] lowest;
        private final int[] highest;
        private final int most;
        private long[] samples = new long[64];
        private int count;
        private long branches;

        AllowedSamples(int[][] categoriesOf, int[][] membersFrom, int[] lowest, int[] highest, int most) {
            this.categoriesOf = categoriesOf;
            this.membersFrom = membersFrom;
            this.lowest = lowest;
            this.highest = highest;
            this.most = most;
        }

        /** True when every allowed sample is listed, false when there were too many to list. */
        boolean list() {
            count = 0;
            branches = 0;
            return from(0, 0L, new int[lowest.length]);
        }

        private boolean from(int j, long sample, int[] counts) {
            if (++branches > 8L * most) {
                return false;
            }
            if (j == categoriesOf.length) {
                if (count == most) {
                    return false;
                }
                if (count == samples.length) {
                    samples = java.util.Arrays.copyOf(samples, 2 * count);
                }
                samples[count++] = sample;
                return true;
            }
            boolean canTake = true;
            boolean canLeave = true;
            for (int c : categoriesOf[j]) {
                canTake &= counts[c] + 1 <= highest[c];
                canLeave &= counts[c] + membersFrom[j + 1][c] >= lowest[c];
            }
            if (canTake) {
                for (int c : categoriesOf[j]) {
                    counts[c]++;
                }
                boolean listed = from(j + 1, sample | 1L << j, counts);
                for (int c : categoriesOf[j]) {
                    counts[c]--;
                }
                if (!listed) {
                    return false;
                }
            }
            return !canLeave || from(j + 1, sample, counts);
        }
    }

    /** Samples found by the landing's search, each once. */
    private static final class FoundSamples {
        long[] samples = new long[64];
        final java.util.Set<Long> seen = new java.util.HashSet<>();
        int count;
        /** How many the search is after, how many more this pass may add, and how many more branches it may try. */
        int wanted;
        int leavesLeft;
        int nodesLeft;

        void add(long sample) {
            leavesLeft--;
            if (seen.add(sample)) {
                if (count == samples.length) {
                    samples = java.util.Arrays.copyOf(samples, 2 * count);
                }
                samples[count++] = sample;
            }
        }

        boolean enough() {
            return count >= wanted;
        }
    }

    /** How a landing by column generation ended: landed, proven impossible (the point lies outside the hull), or unsettled within its bounds. */
    private enum Outcome { LANDED, OUTSIDE, UNSETTLED }

    /** The random walk of the cube method over one population, as the class comment describes. */
    private static final class CubeWalk {
        private final SampleDesign design;
        private final List<Profile> profiles;
        private final double[] probability;
        /** For each case, the categories it belongs to (the sample's size first). */
        private final BalancedCategory[][] categoriesOf;
        private final List<BalancedCategory> balanced = new ArrayList<>();
        private final Map<Profile, List<Integer>> casesByProfile = new HashMap<>();
        private final SplittableRandom random;
        /** The indices in {@link #balanced} of each classification's categories, the size alone first. */
        private final int[][] classifications;
        /** The cases the flight phase starts from, and how many cases of each category were drawn before it. */
        private List<Integer> flown;
        private int[] drawnBeforeTheFlight;

        CubeWalk(SampleDesign design, List<Profile> profiles, SplittableRandom random) {
            this.design = design;
            this.profiles = profiles;
            this.random = random;
            this.probability = new double[profiles.size()];
            BalancedCategory size = new BalancedCategory("SIZE", 0, Integer.MAX_VALUE, design.size());
            balanced.add(size);
            Map<String, BalancedCategory> byCategory = new HashMap<>();
            for (SampleDesign.Quota quota : design.quotas()) {
                // Loosened last: recency, then gender, disposal type, risk of serious harm; safety and wellbeing first.
                int priority = quota.classification().equals(Profile.RECENCY) ? Profile.CLASSIFICATIONS.size()
                        : Profile.CLASSIFICATIONS.size() - 1 - Profile.CLASSIFICATIONS.indexOf(quota.classification());
                String name = quota.classification() + "/" + quota.category();
                // Bounded by the quota itself, which is its expected count wherever raking could meet every quota.
                BalancedCategory category = new BalancedCategory(name, balanced.size(), priority, quota.proportionalTarget());
                balanced.add(category);
                byCategory.put(name, category);
            }
            classifications = java.util.stream.Stream.concat(java.util.stream.Stream.of(new int[] {0}), Profile.CLASSIFICATIONS.stream()
                    .map(classification -> balanced.stream().filter(c -> c.name.startsWith(classification + "/"))
                            .mapToInt(c -> c.index).toArray()))
                    .toArray(int[][]::new);
            Map<Profile, BalancedCategory[]> categoriesOfProfile = new HashMap<>();
            this.categoriesOf = new BalancedCategory[profiles.size()][];
            for (int k = 0; k < profiles.size(); k++) {
                Profile profile = profiles.get(k);
                probability[k] = design.inclusionProbability(profile);
                categoriesOf[k] = categoriesOfProfile.computeIfAbsent(profile, p -> {
                    BalancedCategory[] own = new BalancedCategory[Profile.CLASSIFICATIONS.size() + 1];
                    own[0] = size;
                    for (int c = 0; c < Profile.CLASSIFICATIONS.size(); c++) {
                        String classification = Profile.CLASSIFICATIONS.get(c);
                        own[c + 1] = byCategory.get(classification + "/" + p.category(classification));
                    }
                    return own;
                });
                casesByProfile.computeIfAbsent(profile, p -> new ArrayList<>()).add(k);
            }
        }

        boolean[] run() {
            List<Integer> undecided = new ArrayList<>();
            for (Profile profile : design.casesByProfile().keySet()) {
                int carried = pivotal(casesByProfile.get(profile));
                if (carried >= 0) {
                    undecided.add(carried);
                }
            }
            Outcome atStart = start(undecided, SEARCHING_FROM);
            if (atStart == Outcome.OUTSIDE) {
                // No balanced sample with each profile's count the floor or the ceiling of its expected count: start
                // again from the inclusion probabilities themselves, every uncertain case undecided, so that the
                // landing may take any count of each profile. That this is so depends on the population alone, not
                // on the cases the pivotal method chose, so starting again keeps every inclusion probability.
                undecided.clear();
                for (int k = 0; k < probability.length; k++) {
                    probability[k] = design.inclusionProbability(profiles.get(k));
                    if (!decided(k)) {
                        undecided.add(k);
                    }
                }
                atStart = start(undecided, LANDING_AT_START_MOST);
            }
            if (atStart != Outcome.LANDED) {
                // Where the population proved not to allow it, the flight's landings do not try to prove it again.
                walk(undecided, atStart != null, atStart == Outcome.OUTSIDE ? 0 : FLIGHT_PRICING_BRANCHES);
            }
            boolean[] drawn = new boolean[probability.length];
            for (int k = 0; k < probability.length; k++) {
                drawn[k] = probability[k] > 0.5;
            }
            return drawn;
        }

        /**
         * Makes these undecided cases the flight's start (in seeded random order) and, where they
         * are no more than {@value #LANDING_AT_START_MOST}, lands on them at once: the outcome, or
         * null where they are too many to try.
         */
        private Outcome start(List<Integer> undecided, int landingFrom) {
            shuffle(undecided);
            drawnBeforeTheFlight = new int[balanced.size()];
            for (int k = 0; k < probability.length; k++) {
                if (probability[k] == 1) {
                    for (BalancedCategory category : categoriesOf[k]) {
                        drawnBeforeTheFlight[category.index]++;
                    }
                }
            }
            flown = List.copyOf(undecided);
            if (undecided.isEmpty()) {
                return Outcome.LANDED;
            }
            return undecided.size() <= landingFrom ? new Landing(undecided).decompose(PROVING_BRANCHES) : null;
        }

        /** The pivotal method over one profile's cases in seeded random order; answers the one left undecided, or -1. */
        private int pivotal(List<Integer> cases) {
            List<Integer> order = new ArrayList<>(cases);
            shuffle(order);
            int carried = -1;
            for (int k : order) {
                if (decided(k)) {
                    continue;
                }
                if (carried < 0) {
                    carried = k;
                    continue;
                }
                double a = probability[carried];
                double b = probability[k];
                double total = a + b;
                if (total < 1) {
                    boolean toCarried = random.nextDouble() < a / total;
                    probability[carried] = toCarried ? total : 0;
                    probability[k] = toCarried ? 0 : total;
                } else {
                    boolean carriedTaken = random.nextDouble() < (1 - b) / (2 - total);
                    probability[carried] = carriedTaken ? 1 : total - 1;
                    probability[k] = carriedTaken ? total - 1 : 1;
                }
                snap(carried);
                snap(k);
                if (decided(carried)) {
                    carried = decided(k) ? -1 : k;
                }
            }
            return carried;
        }

        /**
         * The fast flight phase on the cases left undecided, then the landing phase: from
         * {@value #SEARCHING_FROM} undecided cases on, the landing on samples found by the search
         * is tried before each move, and the walk stops where it succeeds; where the flight cannot
         * move, the landing on every allowed sample, loosening bounds if it must.
         */
        private void walk(List<Integer> undecided, boolean triedAtStart, long provingBranches) {
            for (int moves = 0; moves <= probability.length; moves++) {
                undecided.removeIf(this::decided);
                if (undecided.isEmpty()) {
                    return;
                }
                if ((moves > 0 || !triedAtStart) && undecided.size() <= SEARCHING_FROM
                        && new Landing(undecided).decompose(provingBranches) == Outcome.LANDED) {
                    return;
                }
                List<Integer> chosen = undecided.subList(0, Math.min(undecided.size(), balanced.size() + 1));
                double[] direction = kernelDirection(balanced, chosen);
                if (direction == null) {
                    new Landing(undecided).landLoosening();
                    return;
                }
                move(chosen, direction);
            }
            throw new IllegalStateException("the flight phase did not settle in " + probability.length + " moves");
        }

        /** A non-zero u over the chosen cases with Σ u = 0 over each category (and the size), or null if there is none. */
        private double[] kernelDirection(List<BalancedCategory> equations, List<Integer> chosen) {
            int rows = equations.size();
            int columns = chosen.size();
            double[][] matrix = new double[rows][columns];
            Map<BalancedCategory, Integer> rowOf = new HashMap<>();
            for (int r = 0; r < rows; r++) {
                rowOf.put(equations.get(r), r);
            }
            for (int j = 0; j < columns; j++) {
                for (BalancedCategory category : categoriesOf[chosen.get(j)]) {
                    Integer r = rowOf.get(category);
                    if (r != null) {
                        matrix[r][j] = 1;
                    }
                }
            }
            int[] pivotColumn = new int[rows];
            int rank = 0;
            boolean[] isPivot = new boolean[columns];
            for (int j = 0; j < columns && rank < rows; j++) {
                int best = rank;
                for (int r = rank + 1; r < rows; r++) {
                    if (Math.abs(matrix[r][j]) > Math.abs(matrix[best][j])) {
                        best = r;
                    }
                }
                if (Math.abs(matrix[best][j]) < EPSILON) {
                    continue;
                }
                double[] swap = matrix[best];
                matrix[best] = matrix[rank];
                matrix[rank] = swap;
                double pivot = matrix[rank][j];
                for (int c = 0; c < columns; c++) {
                    matrix[rank][c] /= pivot;
                }
                for (int r = 0; r < rows; r++) {
                    if (r != rank && matrix[r][j] != 0) {
                        double factor = matrix[r][j];
                        for (int c = 0; c < columns; c++) {
                            matrix[r][c] -= factor * matrix[rank][c];
                        }
                    }
                }
                pivotColumn[rank] = j;
                isPivot[j] = true;
                rank++;
            }
            for (int free = 0; free < columns; free++) {
                if (!isPivot[free]) {
                    double[] direction = new double[columns];
                    direction[free] = 1;
                    for (int r = 0; r < rank; r++) {
                        direction[pivotColumn[r]] = -matrix[r][free];
                    }
                    return direction;
                }
            }
            return null;
        }

        /** One martingale move along u: +λ1 u with probability λ2 / (λ1 + λ2), else -λ2 u. Every category's sum stays put. */
        private void move(List<Integer> chosen, double[] direction) {
            double forward = Double.POSITIVE_INFINITY;
            double backward = Double.POSITIVE_INFINITY;
            for (int j = 0; j < chosen.size(); j++) {
                double u = direction[j];
                if (Math.abs(u) < EPSILON) {
                    continue;
                }
                double p = probability[chosen.get(j)];
                forward = Math.min(forward, u > 0 ? (1 - p) / u : p / -u);
                backward = Math.min(backward, u > 0 ? p / u : (1 - p) / -u);
            }
            double step = random.nextDouble() * (forward + backward) < backward ? forward : -backward;
            for (int j = 0; j < chosen.size(); j++) {
                int k = chosen.get(j);
                probability[k] += step * direction[j];
                snap(k);
            }
        }

        /** The landing phase on the cases left undecided, as the class comment describes. */
        private final class Landing {
            private final List<Integer> undecided;
            private final double[] marginals;
            private final int[][] categoriesOfUndecided;
            /** How many of the undecided from the j-th on belong to each category. */
            private final int[][] membersFrom;
            /** How many cases already drawn belong to each category. */
            private final int[] drawn;

            Landing(List<Integer> undecided) {
                this.undecided = List.copyOf(undecided);
                int cases = undecided.size();
                marginals = new double[cases];
                categoriesOfUndecided = new int[cases][];
                for (int j = 0; j < cases; j++) {
                    marginals[j] = probability[undecided.get(j)];
                    categoriesOfUndecided[j] = indices(categoriesOf[undecided.get(j)]);
                }
                drawn = drawnBeforeTheFlight.clone();
                for (int k : flown) {
                    if (probability[k] == 1) {
                        for (BalancedCategory category : categoriesOf[k]) {
                            drawn[category.index]++;
                        }
                    }
                }
                membersFrom = new int[cases + 1][balanced.size()];
                for (int j = cases - 1; j >= 0; j--) {
                    membersFrom[j] = membersFrom[j + 1].clone();
                    for (int c : categoriesOfUndecided[j]) {
                        membersFrom[j][c]++;
                    }
                }
            }

            /** Each category's lowest (or, with {@code highest}, highest) count as it stands, less the cases of it already drawn. */
            private int[] bounds(boolean highest) {
                int[] bounds = new int[balanced.size()];
                for (int c = 0; c < balanced.size(); c++) {
                    bounds[c] = (highest ? balanced.get(c).highest : balanced.get(c).lowest) - drawn[c];
                }
                return bounds;
            }

            /**
             * Lands on every sample within the categories' bounds as they stand: true if landed,
             * false if no weights exist, null if the samples are too many to list.
             */
            Boolean land(int most) {
                if (undecided.size() > 62) {
                    return null;
                }
                int[] lowest = bounds(false);
                int[] highest = bounds(true);
                AllowedSamples allowed = new AllowedSamples(categoriesOfUndecided, membersFrom, lowest, highest, most);
                if (!allowed.list()) {
                    return null;
                }
                double[] weights = allowed.count == 0 ? null : ExactMarginals.weights(allowed.samples, allowed.count, marginals);
                if (weights == null) {
                    return false;
                }
                settle(allowed.samples, 1, pick(weights));
                return true;
            }

            /**
             * Lands by column generation on balanced samples of the undecided cases: first on
             * samples within one case of every quota found by a search ({@value #SAMPLES_PER_CASE}
             * per undecided case, and one), by seeded depth-first passes, each over the cases in a
             * new random order, taking each case first with its probability; where those give no
             * weights, on more samples that the simplex's last prices favour, for
             * {@value #PRICED_ROUNDS} rounds; then on the best sample for the prices, found
             * exactly by {@link BalancedSamplePricing}, for as many rounds as there are undecided
             * cases and {@code mostBranches} branches in all. Landed, and the sample drawn, where
             * weights give every undecided case its probability; outside where the exact pricing
             * proves that no weights on balanced samples do; unsettled where a bound stopped it.
             */
            Outcome decompose(long mostBranches) {
                int cases = undecided.size();
                int[] lowest = bounds(false);
                int[] highest = bounds(true);
                ExactMarginals master = new ExactMarginals(marginals);
                FoundSamples found = new FoundSamples();
                found.wanted = SAMPLES_PER_CASE * (cases + 1);
                double[] takeFirst = marginals;
                for (int round = 0; round <= PRICED_ROUNDS; round++) {
                    int added = found.count;
                    searchPasses(takeFirst, lowest, highest, found);
                    for (int s = added; s < found.count; s++) {
                        master.add(new long[] {found.samples[s]});
                    }
                    Outcome settled = settledBy(master);
                    if (settled != null) {
                        return settled;
                    }
                    // Look next for samples the simplex's prices favour.
                    double[] duals = master.duals();
                    double largest = EPSILON;
                    for (int j = 0; j < cases; j++) {
                        largest = Math.max(largest, Math.abs(duals[j]));
                    }
                    takeFirst = new double[cases];
                    for (int j = 0; j < cases; j++) {
                        // StrictMath: Math.exp may differ in its last bit between machines, and the sample must not.
                        takeFirst[j] = 1 / (1 + StrictMath.exp(-4 * duals[j] / largest));
                    }
                    found.wanted = found.count + cases + 1;
                }
                BalancedSamplePricing pricing = new BalancedSamplePricing(categoriesOfUndecided, classifications, lowest, highest);
                long branchesLeft = mostBranches;
                for (int round = 0; round <= cases; round++) {
                    BalancedSamplePricing.Priced priced = pricing.price(master.duals(), QUICK_PRICING_BRANCHES, branchesLeft);
                    branchesLeft -= priced.branches();
                    if (priced.samples().isEmpty()) {
                        return priced.complete() ? Outcome.OUTSIDE : Outcome.UNSETTLED;
                    }
                    priced.samples().forEach(master::add);
                    branchesLeft -= addNearlyPriced(pricing, master, branchesLeft);
                    Outcome settled = settledBy(master);
                    if (settled != null) {
                        return settled;
                    }
                }
                return Outcome.UNSETTLED;
            }

            /**
             * Adds the samples the pricing finds first for {@value #NEARBY_PRICES} prices near the
             * simplex's (each unit's moved at random by a fifth of their mean size), each search
             * stopped after twice {@value #QUICK_PRICING_BRANCHES} branches: column generation
             * adding only the best sample for the prices tails off, and samples good for nearby
             * prices are the ones the weights need next. Answers the branches searched.
             */
            private long addNearlyPriced(BalancedSamplePricing pricing, ExactMarginals master, long branchesLeft) {
                int cases = undecided.size();
                double[] duals = master.duals();
                double scale = 0;
                for (int j = 0; j < cases; j++) {
                    scale += Math.abs(duals[j]) / cases;
                }
                long searched = 0;
                for (int nearby = 0; nearby < NEARBY_PRICES && searched < branchesLeft; nearby++) {
                    double[] prices = duals.clone();
                    for (int j = 0; j < cases; j++) {
                        prices[j] += scale / 5 * gaussian();
                    }
                    BalancedSamplePricing.Priced priced = pricing.price(prices, QUICK_PRICING_BRANCHES,
                            Math.min(branchesLeft - searched, 2 * QUICK_PRICING_BRANCHES));
                    searched += priced.branches();
                    priced.samples().forEach(master::add);
                }
                return searched;
            }

            /**
             * A standard normal value by the polar method with {@code StrictMath}, the method
             * {@link java.util.Random#nextGaussian()} specifies: {@code SplittableRandom}'s own
             * differs between JDKs and uses {@code Math.exp}, and the sample must be the same everywhere.
             */
            private double gaussian() {
                double v1;
                double v2;
                double s;
                do {
                    v1 = 2 * random.nextDouble() - 1;
                    v2 = 2 * random.nextDouble() - 1;
                    s = v1 * v1 + v2 * v2;
                } while (s >= 1 || s == 0);
                return v1 * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            }

            /** Landed, and the sample drawn, where the samples added give weights; unsettled where the simplex reached its bound; else null. */
            private Outcome settledBy(ExactMarginals master) {
                if (master.solve()) {
                    settle(master.samples(), master.words(), pick(master.weights()));
                    return Outcome.LANDED;
                }
                return master.exhausted() ? Outcome.UNSETTLED : null;
            }

            /** Seeded depth-first passes, each over the cases in a new random order, until the samples found are as many as wanted. */
            private void searchPasses(double[] takeFirst, int[] lowest, int[] highest, FoundSamples found) {
                int cases = undecided.size();
                int[] order = new int[cases];
                int[][] categoriesInOrder = new int[cases][];
                int[][] membersAfter = new int[cases + 1][balanced.size()];
                int[][] need = new int[cases + 1][Profile.CLASSIFICATIONS.size() + 1];
                int[][] room = new int[cases + 1][Profile.CLASSIFICATIONS.size() + 1];
                int passes = found.wanted - found.count;
                for (int pass = 0; pass < passes && !found.enough(); pass++) {
                    for (int j = 0; j < cases; j++) {
                        int other = random.nextInt(j + 1);
                        order[j] = order[other];
                        order[other] = j;
                    }
                    for (int i = cases - 1; i >= 0; i--) {
                        categoriesInOrder[i] = categoriesOfUndecided[order[i]];
                        System.arraycopy(membersAfter[i + 1], 0, membersAfter[i], 0, balanced.size());
                        for (int c : categoriesInOrder[i]) {
                            membersAfter[i][c]++;
                        }
                    }
                    for (int g = 1; g < categoriesOfUndecided[0].length; g++) {
                        need[0][g] = 0;
                        room[0][g] = 0;
                        for (int c : classifications[g]) {
                            need[0][g] += Math.max(0, lowest[c]);
                            room[0][g] += Math.max(0, Math.min(highest[c], membersAfter[0][c]));
                        }
                    }
                    found.leavesLeft = SAMPLES_PER_PASS;
                    found.nodesLeft = BRANCHES_PER_PASS;
                    search(0, 0L, new int[balanced.size()], order, categoriesInOrder, membersAfter, lowest, highest, need, room, takeFirst,
                            found);
                }
            }

            /**
             * Depth first from the i-th case of this order, each case taken first with its
             * probability: adds the samples within the bounds it reaches to those found, until the
             * pass has added {@value #SAMPLES_PER_PASS} or tried {@value #BRANCHES_PER_PASS}
             * branches; false once it should stop. A branch is cut where one category cannot end within its
             * bounds, or one classification cannot: its categories together must take what the
             * size still needs, no less than their lowest bounds ask and no more than their
             * highest bounds and cases allow ({@code need} and {@code room} at each depth).
             */
            private boolean search(int i, long sample, int[] counts, int[] order, int[][] categoriesInOrder, int[][] membersAfter,
                                   int[] lowest, int[] highest, int[][] need, int[][] room, double[] takeFirst, FoundSamples found) {
                if (--found.nodesLeft < 0) {
                    return false;
                }
                if (i == order.length) {
                    found.add(sample);
                    return found.leavesLeft > 0 && !found.enough();
                }
                int[] categories = categoriesInOrder[i];
                boolean canTake = true;
                boolean canLeave = true;
                for (int c : categories) {
                    canTake &= counts[c] + 1 <= highest[c];
                    canLeave &= counts[c] + membersAfter[i + 1][c] >= lowest[c];
                }
                boolean takeItFirst = random.nextDouble() < takeFirst[order[i]];
                for (int option = 0; option < 2; option++) {
                    boolean take = takeItFirst == (option == 0);
                    if (take ? !canTake : !canLeave) {
                        continue;
                    }
                    int added = take ? 1 : 0;
                    int sizeLeft = highest[0] - counts[0] - added;
                    boolean fits = true;
                    for (int g = 1; g < categories.length && fits; g++) {
                        int c = categories[g];
                        int count = counts[c] + added;
                        need[i + 1][g] = need[i][g] - Math.max(0, lowest[c] - counts[c]) + Math.max(0, lowest[c] - count);
                        room[i + 1][g] = room[i][g] - Math.max(0, Math.min(highest[c] - counts[c], membersAfter[i][c]))
                                + Math.max(0, Math.min(highest[c] - count, membersAfter[i + 1][c]));
                        fits = need[i + 1][g] <= sizeLeft && sizeLeft <= room[i + 1][g];
                    }
                    if (!fits) {
                        continue;
                    }
                    if (take) {
                        for (int c : categories) {
                            counts[c]++;
                        }
                    }
                    boolean goOn = search(i + 1, take ? sample | 1L << order[i] : sample, counts, order, categoriesInOrder, membersAfter,
                            lowest, highest, need, room, takeFirst, found);
                    if (take) {
                        for (int c : categories) {
                            counts[c]--;
                        }
                    }
                    if (!goOn) {
                        return false;
                    }
                }
                return true;
            }

            /**
             * Lands loosening one bound after another (see the class comment) until weights exist;
             * where they do not even then, or the samples are too many to list, lands on the size
             * alone by the pivotal method, every classification's bound loosened.
             */
            void landLoosening() {
                for (int round = 0; round <= 2 * (balanced.size() - 1); round++) {
                    Boolean landed = land(MOST_LISTED_SAMPLES);
                    if (landed == null) {
                        break;
                    }
                    if (landed) {
                        return;
                    }
                    if (round < 2 * (balanced.size() - 1)) {
                        loosen();
                    }
                }
                for (BalancedCategory category : balanced) {
                    if (category.loosenedAfter != Integer.MAX_VALUE) {
                        category.loosened = Math.max(category.loosened, 1);
                    }
                }
                pivotal(undecided);
            }

            /** Settles every undecided case by the s-th of these samples, each {@code words} long. */
            private void settle(long[] samples, int words, int s) {
                for (int j = 0; j < undecided.size(); j++) {
                    probability[undecided.get(j)] = (samples[s * words + j / 64] >>> (j % 64) & 1L) == 1 ? 1 : 0;
                }
            }

            private int[] indices(BalancedCategory[] categories) {
                int[] indices = new int[categories.length];
                for (int i = 0; i < categories.length; i++) {
                    indices[i] = categories[i].index;
                }
                return indices;
            }
        }

        /** A sample's index, drawn with its weight. */
        private int pick(double[] weights) {
            double u = random.nextDouble();
            double total = 0;
            int last = 0;
            for (int s = 0; s < weights.length; s++) {
                if (weights[s] > 0) {
                    last = s;
                    total += weights[s];
                    if (u < total) {
                        return s;
                    }
                }
            }
            return last;
        }

        /** Loosens by one case the bound of the category to loosen next (see the class comment); never the size. */
        private void loosen() {
            BalancedCategory next = null;
            for (BalancedCategory category : balanced) {
                if (category.loosenedAfter != Integer.MAX_VALUE && (next == null || category.loosened < next.loosened
                        || (category.loosened == next.loosened && category.loosenedAfter < next.loosenedAfter))) {
                    next = category;
                }
            }
            if (next != null) {
                next.lowest = Math.max(0, next.lowest - 1);
                next.highest += 1;
                next.loosened++;
            }
        }

        /**
         * The bounds the landing loosened, each by the cases it widened it, or by as many as the
         * sample lies beyond its quota's floor or ceiling where that is more (a landing on the size alone).
         */
        List<LoosenedBound> loosened(List<MarginBalance> balance) {
            List<LoosenedBound> loosened = new ArrayList<>();
            for (BalancedCategory category : balanced) {
                if (category.loosened == 0) {
                    continue;
                }
                int floor = (int) Math.floor(category.quota + EPSILON);
                int ceiling = (int) Math.ceil(category.quota - EPSILON);
                int beyond = balance.stream().filter(b -> category.name.equals(b.classification() + "/" + b.category()))
                        .mapToInt(b -> Math.max(b.achieved() - ceiling, floor - b.achieved())).max().orElse(0);
                String[] classified = category.name.split("/", 2);
                loosened.add(new LoosenedBound(classified[0], classified[1], Math.max(category.loosened, beyond)));
            }
            return loosened;
        }

        private boolean decided(int k) {
            return probability[k] == 0 || probability[k] == 1;
        }

        private void snap(int k) {
            if (probability[k] < EPSILON) {
                probability[k] = 0;
            } else if (probability[k] > 1 - EPSILON) {
                probability[k] = 1;
            }
        }

        private void shuffle(List<Integer> list) {
            for (int i = list.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                list.set(j, list.set(i, list.get(j)));
            }
        }
    }
}
