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
 * chosen. The steps λ1, λ2 are the longest that keep the vector in the cube [0, 1]^N and within
 * the balance bounds, so every move fixes at least one more case or meets one more bound.
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
 * <li><b>Landing phase</b> by linear programming (Deville and Tillé 2004, section 5.2), once no
 * more than {@value #LANDING_CASES} cases are left undecided (or no direction keeps every
 * equation, at most p cases undecided): every
 * sample of them is listed that has the planned size and every category's count within one case
 * of its quota (the floor or the ceiling), and the first phase of the simplex method finds weights
 * on those samples whose mean is the undecided cases' probabilities ({@link ExactMarginals}); one
 * sample is drawn with those weights. Each case's chance of being drawn is still exactly its
 * inclusion probability. Where no such weights exist (the profiles left cannot meet every bound
 * at once), one category's bound is loosened by a case and the samples listed again, in this
 * order: each safety and wellbeing category, then risk of serious harm, disposal type, gender,
 * recency; then a second case each, in the same order. The size is never loosened.</li>
 * </ol>
 * The same population, size, share and seed give the same sample (a {@link SplittableRandom} from
 * the seed decides every order and every move).
 */
public final class BalancedProbabilityDraw {

    public static final String METHOD = "balanced probability sample: inclusion probabilities calibrated by raking to every "
            + "classification's proportional quota and the recency share; cube method (Deville and Tillé 2004) with the fast flight "
            + "phase (Chauvet and Tillé 2006) and landing by linear programming within one case of every quota";
    private static final double EPSILON = 1e-9;
    /**
     * The flight stops when this few cases are undecided (or none can move): few enough to list
     * every allowed sample of them in a millisecond or two, enough that the allowed samples can
     * nearly always give each case its probability (with 14 left, a quarter of draws on Kent-like
     * populations had to loosen a bound; with 22, about one in 200 to 500).
     */
    private static final int LANDING_CASES = 22;

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
        boolean[] drawn = new CubeWalk(design, profiles, new SplittableRandom(seed)).run();
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

    /** A category the sample is balanced on (or its size): its quota, and the counts a landed sample may have. */
    private static final class BalancedCategory {
        final int loosenedAfter;
        final double quota;
        int lowest;
        int highest;
        int loosened;

        BalancedCategory(int loosenedAfter, double quota) {
            this.loosenedAfter = loosenedAfter;
            this.quota = quota;
            this.lowest = (int) Math.floor(quota + EPSILON);
            this.highest = (int) Math.ceil(quota - EPSILON);
        }
    }

    /** Lists, depth first, every sample of the undecided cases that keeps each category's count within its bounds. */
    private record AllowedSamples(int[][] categoriesOf, int[][] membersFrom, int[] lowest, int[] highest, List<Long> samples) {

        void from(int j, long sample, int[] counts) {
            if (j == categoriesOf.length) {
                samples.add(sample);
                return;
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
                from(j + 1, sample | 1L << j, counts);
                for (int c : categoriesOf[j]) {
                    counts[c]--;
                }
            }
            if (canLeave) {
                from(j + 1, sample, counts);
            }
        }
    }

    /** The random walk of the cube method over one population, as the class comment describes. */
    private static final class CubeWalk {
        private final SampleDesign design;
        private final double[] probability;
        /** For each case, the categories it belongs to (the sample's size first). */
        private final BalancedCategory[][] categoriesOf;
        private final List<BalancedCategory> balanced = new ArrayList<>();
        private final Map<Profile, List<Integer>> casesByProfile = new HashMap<>();
        private final SplittableRandom random;

        CubeWalk(SampleDesign design, List<Profile> profiles, SplittableRandom random) {
            this.design = design;
            this.random = random;
            this.probability = new double[profiles.size()];
            BalancedCategory size = new BalancedCategory(Integer.MAX_VALUE, design.size());
            balanced.add(size);
            Map<String, BalancedCategory> byCategory = new HashMap<>();
            for (SampleDesign.Quota quota : design.quotas()) {
                // Loosened last: recency, then gender, disposal type, risk of serious harm; safety and wellbeing first.
                int priority = quota.classification().equals(Profile.RECENCY) ? Profile.CLASSIFICATIONS.size()
                        : Profile.CLASSIFICATIONS.size() - 1 - Profile.CLASSIFICATIONS.indexOf(quota.classification());
                BalancedCategory category = new BalancedCategory(priority, design.expectedCount(quota));
                balanced.add(category);
                byCategory.put(quota.classification() + "/" + quota.category(), category);
            }
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
            shuffle(undecided);
            walk(undecided);
            boolean[] drawn = new boolean[probability.length];
            for (int k = 0; k < probability.length; k++) {
                drawn[k] = probability[k] > 0.5;
            }
            return drawn;
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

        /** The fast flight phase on the cases left undecided, then the landing phase. */
        private void walk(List<Integer> undecided) {
            while (true) {
                undecided.removeIf(this::decided);
                if (undecided.isEmpty()) {
                    return;
                }
                List<Integer> chosen = undecided.subList(0, Math.min(undecided.size(), balanced.size() + 1));
                double[] direction = undecided.size() <= LANDING_CASES ? null : kernelDirection(balanced, chosen);
                if (direction == null) {
                    land(List.copyOf(undecided));
                    return;
                }
                move(chosen, direction);
            }
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

        /**
         * The landing phase on the cases left undecided: the samples of them that keep every
         * category within its bounds, weighted to give each case its probability, one drawn.
         */
        private void land(List<Integer> undecided) {
            int cases = undecided.size();
            if (cases > 62) {
                throw new IllegalStateException(cases + " cases undecided after the flight phase");
            }
            double[] marginals = new double[cases];
            int[][] categoriesOfUndecided = new int[cases][];
            Map<BalancedCategory, Integer> index = new HashMap<>();
            for (int c = 0; c < balanced.size(); c++) {
                index.put(balanced.get(c), c);
            }
            for (int j = 0; j < cases; j++) {
                marginals[j] = probability[undecided.get(j)];
                categoriesOfUndecided[j] = java.util.Arrays.stream(categoriesOf[undecided.get(j)]).mapToInt(index::get).toArray();
            }
            int[] drawn = new int[balanced.size()];
            for (int k = 0; k < probability.length; k++) {
                if (probability[k] == 1) {
                    for (BalancedCategory category : categoriesOf[k]) {
                        drawn[index.get(category)]++;
                    }
                }
            }
            // How many of the undecided from the j-th on belong to each category.
            int[][] membersFrom = new int[cases + 1][balanced.size()];
            for (int j = cases - 1; j >= 0; j--) {
                membersFrom[j] = membersFrom[j + 1].clone();
                for (int c : categoriesOfUndecided[j]) {
                    membersFrom[j][c]++;
                }
            }
            while (true) {
                int[] lowest = new int[balanced.size()];
                int[] highest = new int[balanced.size()];
                for (int c = 0; c < balanced.size(); c++) {
                    lowest[c] = balanced.get(c).lowest - drawn[c];
                    highest[c] = balanced.get(c).highest - drawn[c];
                }
                List<Long> samples = new ArrayList<>();
                new AllowedSamples(categoriesOfUndecided, membersFrom, lowest, highest, samples).from(0, 0L, new int[balanced.size()]);
                double[] weights = samples.isEmpty() ? null : ExactMarginals.weights(samples, marginals);
                if (weights != null) {
                    long sample = pick(samples, weights);
                    for (int j = 0; j < cases; j++) {
                        probability[undecided.get(j)] = (sample >>> j & 1L) == 1 ? 1 : 0;
                    }
                    return;
                }
                loosen();
            }
        }

        private long pick(List<Long> samples, double[] weights) {
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
            BalancedCategory next = null;
            for (BalancedCategory category : balanced) {
                if (category.loosenedAfter != Integer.MAX_VALUE && (next == null || category.loosened < next.loosened
                        || (category.loosened == next.loosened && category.loosenedAfter < next.loosenedAfter))) {
                    next = category;
                }
            }
            if (next == null) {
                throw new IllegalStateException("no sample of the planned size is left to land on");
            }
            next.lowest = Math.max(0, next.lowest - 1);
            next.highest += 1;
            next.loosened++;
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
