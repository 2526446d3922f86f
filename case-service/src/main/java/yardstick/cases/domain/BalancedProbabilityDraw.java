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
 * (the floor or the ceiling of it), the recency share too, wherever the landing below finds such a
 * sample; where it finds none, the draw loosens a bound and its balance says how far the furthest
 * count lies.
 *
 * <p><b>Counts by profile, then cases within a profile.</b> Cases of one {@link Profile} are
 * interchangeable to every balancing equation, so the draw decides how many cases of each profile
 * to take, C_p, with expectation E[C_p] = N_p π_p, and then takes C_p of the profile's N_p cases
 * by simple random sampling without replacement. Every case of the profile then has inclusion
 * probability E[C_p] / N_p = π_p exactly: each step of the draw treats a profile's cases alike
 * (controlled rounding of the cells' expected counts followed by a draw within each cell, as in
 * Cox 1987, "A constructive procedure for unbiased controlled rounding", JASA 82(398), 520-524).
 *
 * <p><b>The counts by the cube method</b> of Deville and Tillé (2004, "Efficient balanced
 * sampling: the cube method", Biometrika 91(4), 893-912; Tillé 2006, "Sampling Algorithms",
 * Springer, chapter 8). Each profile's count starts at N_p π_p and moves at random until it is a
 * whole number. Each move goes along a direction u, +λ1 u with probability λ2 / (λ1 + λ2) or -λ2 u
 * with probability λ1 / (λ1 + λ2), so its expected change is nought: the counts are a martingale
 * and each one's expectation stays N_p π_p, whatever directions are chosen.
 * <ol>
 * <li><b>Flight phase</b>, the balancing equations held exactly: directions in the kernel of the
 * category indicators (and the size), so that every category's expected count stays at its quota,
 * each profile's count kept between the two whole numbers around it; the fast flight phase of
 * Chauvet and Tillé (2006, "A fast algorithm for balanced sampling", Computational Statistics
 * 21(1), 53-62), a direction found by Gaussian elimination among p + 1 open profiles (p
 * equations), the profiles in seeded random order.</li>
 * <li><b>Landing phase</b> by linear programming (Deville and Tillé 2004, section 5.2), once no
 * more than {@value #LANDING_UNITS} profiles are open (or no direction keeps every equation):
 * every sample of the open profiles is listed whose every category count is the floor or the
 * ceiling of its quota, and the first phase of the simplex method finds weights on those samples
 * whose mean is where the flight left each count ({@link ExactMarginals}); one sample is drawn
 * with those weights. The flight can end at a point that no mixture of balanced samples of the
 * open profiles reaches (the equations' polytope has fractional vertices once three or more
 * classifications cross). Because only a profile's count needs keeping in expectation, not each
 * case's, the landing then reopens profiles already settled at a whole count c: such a profile may
 * land on c - 1, c or c + 1 provided its mean change is nought, which the program holds as one
 * more equation. Profiles are reopened {@value #REOPEN_BATCH} at a time, in seeded random order,
 * up to {@value #REOPENED_AT_MOST}. Each case's inclusion probability is still exactly π_p.</li>
 * <li>Only where even that finds no weights is a category's bound loosened by a case (each safety
 * and wellbeing category first, then risk of serious harm, disposal type, gender, recency; the
 * size never), the probabilities still exact and the miss shown in the sample's balance. A
 * population none of whose samples is within one case of every quota comes to this (for example
 * four cases, two of each category of three classifications, each pair of cases sharing exactly
 * one category: every sample of two misses one quota of 1). So, still, do some small populations
 * whose sample is most of them (35 of 43 cases, say) with tiny categories: a sample within one case
 * exists, but the landing finds no mixture of such samples that keeps every case's probability,
 * and the draw misses by up to two cases. Report-shaped populations and adversarial ones of 120
 * cases or more never did in the property tests.</li>
 * </ol>
 * The same population, size, share and seed give the same sample (a {@link SplittableRandom} from
 * the seed decides every order and every move).
 */
public final class BalancedProbabilityDraw {

    public static final String METHOD = "balanced probability sample: inclusion probabilities calibrated by raking to every "
            + "classification's proportional quota and the recency share; each profile's count by the cube method (Deville and "
            + "Tillé 2004) with the fast flight phase (Chauvet and Tillé 2006) and landing by linear programming within one case of "
            + "every quota, then a simple random sample within each profile";
    private static final double EPSILON = 1e-9;
    /**
     * The flight stops when this few profiles are open (or none can move): few enough to list
     * every allowed sample of them in a millisecond or two, enough that the allowed samples nearly
     * always reach the flight's end point without reopening settled profiles.
     */
    private static final int LANDING_UNITS = 22;
    private static final int REOPEN_BATCH = 2;
    private static final int REOPENED_AT_MOST = 12;
    /** In one listed sample, at most this many reopened profiles move off their settled count. */
    private static final int CHANGES_AT_MOST = 2;
    /**
     * A landing lists at most this many samples, and takes at most this many steps of the search
     * for them; the program then works on those listed (a landing that lists too few to reach the
     * flight's end point reopens more profiles, as if none had reached it).
     */
    private static final int LISTED_AT_MOST = 50_000;
    private static final int STEPS_AT_MOST = 2_000_000;

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
        Map<Profile, List<Integer>> casesOf = new HashMap<>();
        for (int k = 0; k < profiles.size(); k++) {
            casesOf.computeIfAbsent(profiles.get(k), p -> new ArrayList<>()).add(k);
        }
        SplittableRandom random = new SplittableRandom(seed);
        CountWalk walk = new CountWalk(design, random);
        int[] counts = walk.run();
        boolean[] drawn = new boolean[population.size()];
        for (int p = 0; p < walk.profiles.size(); p++) {
            List<Integer> own = new ArrayList<>(casesOf.get(walk.profiles.get(p)));
            // The first counts[p] of a seeded partial shuffle: a simple random sample of the profile's cases.
            for (int i = 0; i < counts[p]; i++) {
                int j = i + random.nextInt(own.size() - i);
                own.set(j, own.set(i, own.get(j)));
                drawn[own.get(i)] = true;
            }
        }
        List<DrawnSample.DrawnCase> cases = new ArrayList<>(design.size());
        List<Profile> drawnProfiles = new ArrayList<>(design.size());
        for (int k = 0; k < drawn.length; k++) {
            if (drawn[k]) {
                Profile profile = profiles.get(k);
                cases.add(new DrawnSample.DrawnCase(population.get(k), profile, design.inclusionProbability(profile)));
                drawnProfiles.add(profile);
            }
        }
        return new DrawnSample(cases, seed, METHOD, design.balance(drawnProfiles));
    }

    /** Lists, depth first, every sample of the open units that keeps each category's count within its bounds. */
    private record AllowedSamples(byte[][] valuesOf, int[][] categoriesOf, int[][] leastFrom, int[][] mostFrom, int[] lowest,
                                  int[] highest, int reopenedFrom, int[] stepsLeft, List<byte[]> samples) {

        /** @param changes how many more reopened units may move off their settled count in this sample */
        void from(int j, byte[] sample, int[] counts, int changes) {
            if (samples.size() >= LISTED_AT_MOST || --stepsLeft[0] < 0) {
                return;
            }
            if (j == valuesOf.length) {
                samples.add(sample.clone());
                return;
            }
            for (byte value : valuesOf[j]) {
                if (value != 0 && j >= reopenedFrom && changes == 0) {
                    continue;
                }
                boolean allowed = true;
                for (int c : categoriesOf[j]) {
                    int count = counts[c] + value;
                    allowed &= count + leastFrom[j + 1][c] <= highest[c] && count + mostFrom[j + 1][c] >= lowest[c];
                }
                if (allowed) {
                    for (int c : categoriesOf[j]) {
                        counts[c] += value;
                    }
                    sample[j] = value;
                    from(j + 1, sample, counts, value != 0 && j >= reopenedFrom ? changes - 1 : changes);
                    for (int c : categoriesOf[j]) {
                        counts[c] -= value;
                    }
                }
            }
            sample[j] = 0;
        }
    }

    /** The random walk of the cube method over the profiles' counts, as the class comment describes. */
    private static final class CountWalk {
        private final List<Profile> profiles;
        private final int[] cases;
        /** Each profile's count is settled[p] + open[p], open[p] in [0, 1); the profile is open while open[p] > 0. */
        private final int[] settled;
        private final double[] open;
        /** For each profile, the balanced categories it belongs to, the size (index 0) first. */
        private final int[][] categoriesOf;
        private final int[] lowest;
        private final int[] highest;
        /** The order in which categories are loosened when nothing else lands (see the class comment); the size never. */
        private final int[] loosenedAfter;
        private final int[] loosened;
        private final SplittableRandom random;

        CountWalk(SampleDesign design, SplittableRandom random) {
            this.random = random;
            this.profiles = List.copyOf(design.casesByProfile().keySet());
            int categories = design.quotas().size() + 1;
            lowest = new int[categories];
            highest = new int[categories];
            loosenedAfter = new int[categories];
            loosened = new int[categories];
            lowest[0] = design.size();
            highest[0] = design.size();
            loosenedAfter[0] = Integer.MAX_VALUE;
            Map<String, Integer> index = new HashMap<>();
            for (int q = 0; q < design.quotas().size(); q++) {
                SampleDesign.Quota quota = design.quotas().get(q);
                double expected = design.expectedCount(quota);
                lowest[q + 1] = (int) Math.floor(expected + EPSILON);
                highest[q + 1] = (int) Math.ceil(expected - EPSILON);
                // Loosened last: recency, then gender, disposal type, risk of serious harm; safety and wellbeing first.
                loosenedAfter[q + 1] = quota.classification().equals(Profile.RECENCY) ? Profile.CLASSIFICATIONS.size()
                        : Profile.CLASSIFICATIONS.size() - 1 - Profile.CLASSIFICATIONS.indexOf(quota.classification());
                index.put(quota.classification() + "/" + quota.category(), q + 1);
            }
            cases = new int[profiles.size()];
            settled = new int[profiles.size()];
            open = new double[profiles.size()];
            categoriesOf = new int[profiles.size()][];
            for (int p = 0; p < profiles.size(); p++) {
                Profile profile = profiles.get(p);
                cases[p] = design.casesByProfile().get(profile);
                double expected = cases[p] * design.inclusionProbability(profile);
                settled[p] = (int) Math.floor(expected + EPSILON);
                open[p] = Math.max(0, expected - settled[p]);
                snap(p);
                categoriesOf[p] = new int[Profile.CLASSIFICATIONS.size() + 1];
                for (int c = 0; c < Profile.CLASSIFICATIONS.size(); c++) {
                    String classification = Profile.CLASSIFICATIONS.get(c);
                    categoriesOf[p][c + 1] = index.get(classification + "/" + profile.category(classification));
                }
            }
        }

        /** Each profile's count in the sample. */
        int[] run() {
            List<Integer> undecided = new ArrayList<>();
            for (int p = 0; p < profiles.size(); p++) {
                if (!decided(p)) {
                    undecided.add(p);
                }
            }
            shuffle(undecided);
            while (true) {
                undecided.removeIf(this::decided);
                if (undecided.isEmpty()) {
                    return settled;
                }
                List<Integer> chosen = undecided.subList(0, Math.min(undecided.size(), lowest.length + 1));
                double[] direction = undecided.size() <= LANDING_UNITS ? null : kernelDirection(chosen);
                if (direction == null) {
                    land(List.copyOf(undecided));
                    return settled;
                }
                move(chosen, direction);
            }
        }

        /** A non-zero u over the chosen profiles with Σ u = 0 over each category (and the size), or null if there is none. */
        private double[] kernelDirection(List<Integer> chosen) {
            int rows = lowest.length;
            int columns = chosen.size();
            double[][] matrix = new double[rows][columns];
            for (int j = 0; j < columns; j++) {
                for (int c : categoriesOf[chosen.get(j)]) {
                    matrix[c][j] = 1;
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
                double x = open[chosen.get(j)];
                forward = Math.min(forward, u > 0 ? (1 - x) / u : x / -u);
                backward = Math.min(backward, u > 0 ? x / u : (1 - x) / -u);
            }
            double step = random.nextDouble() * (forward + backward) < backward ? forward : -backward;
            for (int j = 0; j < chosen.size(); j++) {
                int p = chosen.get(j);
                open[p] += step * direction[j];
                snap(p);
            }
        }

        /**
         * The landing phase: the samples of the open profiles (and, where they do not reach the
         * flight's end point, of reopened settled ones) that keep every category within its
         * bounds, weighted so that each count keeps its expectation, one drawn.
         */
        private void land(List<Integer> undecided) {
            List<Integer> reopenable = new ArrayList<>();
            for (int p = 0; p < profiles.size(); p++) {
                if (decided(p) && settled[p] >= 1 && settled[p] < cases[p]) {
                    reopenable.add(p);
                }
            }
            shuffle(reopenable);
            int reopened = 0;
            while (true) {
                List<Integer> units = new ArrayList<>(undecided);
                units.addAll(reopenable.subList(0, reopened));
                byte[] sample = sample(units, undecided.size());
                if (sample != null) {
                    for (int j = 0; j < units.size(); j++) {
                        settled[units.get(j)] += sample[j];
                        open[units.get(j)] = 0;
                    }
                    return;
                }
                if (reopened < Math.min(REOPENED_AT_MOST, reopenable.size())) {
                    reopened = Math.min(reopened + REOPEN_BATCH, Math.min(REOPENED_AT_MOST, reopenable.size()));
                } else {
                    loosen();
                    reopened = 0;
                }
            }
        }

        /** One sample of the units drawn with the program's weights, or null when the allowed samples cannot keep every count's expectation. */
        private byte[] sample(List<Integer> units, int undecided) {
            int n = units.size();
            byte[][] valuesOf = new byte[n][];
            int[][] categoriesOfUnit = new int[n][];
            double[] targets = new double[n];
            for (int j = 0; j < n; j++) {
                int p = units.get(j);
                valuesOf[j] = j < undecided ? new byte[] {0, 1} : new byte[] {0, -1, 1};
                targets[j] = j < undecided ? open[p] : 0;
                categoriesOfUnit[j] = categoriesOf[p];
            }
            int categories = lowest.length;
            int[] base = new int[categories];
            for (int p = 0; p < profiles.size(); p++) {
                for (int c : categoriesOf[p]) {
                    base[c] += settled[p];
                }
            }
            int[][] leastFrom = new int[n + 1][categories];
            int[][] mostFrom = new int[n + 1][categories];
            for (int j = n - 1; j >= 0; j--) {
                leastFrom[j] = leastFrom[j + 1].clone();
                mostFrom[j] = mostFrom[j + 1].clone();
                for (int c : categoriesOfUnit[j]) {
                    leastFrom[j][c] += j < undecided ? 0 : -1;
                    mostFrom[j][c] += 1;
                }
            }
            int[] low = new int[categories];
            int[] high = new int[categories];
            for (int c = 0; c < categories; c++) {
                low[c] = lowest[c] - base[c];
                high[c] = highest[c] - base[c];
                if (leastFrom[0][c] > high[c] || mostFrom[0][c] < low[c]) {
                    return null;
                }
            }
            List<byte[]> samples = new ArrayList<>();
            new AllowedSamples(valuesOf, categoriesOfUnit, leastFrom, mostFrom, low, high, undecided, new int[] {STEPS_AT_MOST}, samples)
                    .from(0, new byte[n], new int[categories], CHANGES_AT_MOST);
            double[] weights = samples.isEmpty() ? null : ExactMarginals.weights(samples, targets);
            return weights == null ? null : pick(samples, weights);
        }

        private byte[] pick(List<byte[]> samples, double[] weights) {
            double u = random.nextDouble();
            double total = 0;
            int last = 0;
            for (int s = 0; s < weights.length; s++) {
                if (weights[s] > 0) {
                    last = s;
                    total += weights[s];
                    if (u < total) {
                        return samples.get(s);
                    }
                }
            }
            return samples.get(last);
        }

        /** Loosens by one case the bound of the category to loosen next (see the class comment); never the size. */
        private void loosen() {
            int next = -1;
            for (int c = 1; c < lowest.length; c++) {
                if (next < 0 || loosened[c] < loosened[next] || (loosened[c] == loosened[next] && loosenedAfter[c] < loosenedAfter[next])) {
                    next = c;
                }
            }
            if (next < 0) {
                throw new IllegalStateException("no sample of the planned size is left to land on");
            }
            lowest[next] = Math.max(0, lowest[next] - 1);
            highest[next] += 1;
            loosened[next]++;
        }

        private boolean decided(int p) {
            return open[p] == 0;
        }

        private void snap(int p) {
            if (open[p] < EPSILON) {
                open[p] = 0;
            } else if (open[p] > 1 - EPSILON) {
                open[p] = 0;
                settled[p]++;
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
