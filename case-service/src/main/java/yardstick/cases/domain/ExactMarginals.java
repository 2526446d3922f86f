package yardstick.cases.domain;

import java.util.Arrays;

/**
 * A sampling design on a few units (the cases the cube method has left undecided, one per
 * profile at most): weights on balanced samples of them (every category within its bounds) whose
 * weighted mean is the units' inclusion probabilities. It is the landing phase by linear
 * programming of Deville and Tillé (2004, section 5.2), as a feasibility problem:
 *
 * <pre>
 *   find p >= 0 with  Σ_s p_s = 1  and, for every unit k,  Σ_s p_s s_k = π_k
 * </pre>
 *
 * solved by the first phase of the revised simplex method (Dantzig) over the samples added so far
 * (the restricted master problem of column generation: more samples may be added between
 * {@link #solve()}s, and the simplex goes on from the basis it reached), the basis inverse kept
 * explicitly (one row per unit and one for the total), entering the sample of the most negative
 * reduced cost, priced a byte of the sample's bit mask at a time, and by Bland's rule after many
 * pivots so that it does not cycle. Where the samples added give no weights, {@link #duals()}
 * are the first phase's prices: a sample whose prices add up to more than nought would bring the
 * weights nearer ({@link BalancedSamplePricing} looks for one). {@link #solve()} answers false
 * also when {@link #PIVOT_LIMIT} pivots per row have not settled it or rounding has left the
 * weights off the probabilities, and {@link #exhausted()} tells those apart, so the search is
 * bounded whatever the samples.
 */
final class ExactMarginals {

    /**
     * Pivots allowed per row, over every {@link #solve()}, before the answer is "no weights": on the
     * landings measured (41 rows, about 400 samples) the first phase settled in 3 pivots per row on
     * average and 6 at most.
     */
    private static final int PIVOT_LIMIT = 30;
    /** Pivots per row after which the entering sample is the first that improves (Bland's rule), so that it cannot cycle. */
    private static final int BLAND_AFTER = 10;
    private static final double EPSILON = 1e-9;
    private static final double RESIDUAL = 1e-7;

    private final int units;
    private final int rows;
    private final int words;
    private final double[] target;
    /** The basis: a sample's index, or -1 - r for the artificial variable of row r. */
    private final int[] basis;
    private final double[][] inverse;
    private final double[] value;
    private final double[] duals;
    private final double[][] priceOfByte;
    private final double[] column;
    private long[] samples;
    private boolean[] inBasis;
    private int count;
    private int pivots;
    private boolean exhausted;
    private double[] weights;

    /** @param marginals each unit's inclusion probability; a sample is a bit mask of {@code (units + 63) / 64} words */
    ExactMarginals(double[] marginals) {
        units = marginals.length;
        rows = units + 1;
        words = Math.max(1, (units + 63) / 64);
        target = Arrays.copyOf(marginals, rows);
        target[units] = 1;
        basis = new int[rows];
        inverse = new double[rows][rows];
        value = target.clone();
        for (int r = 0; r < rows; r++) {
            basis[r] = -1 - r;
            inverse[r][r] = 1;
        }
        duals = new double[rows];
        priceOfByte = new double[(units + 7) / 8][256];
        column = new double[rows];
        samples = new long[64 * words];
        inBasis = new boolean[64];
    }

    /**
     * The weights on listed samples of at most 62 units (bit k set: unit k drawn), adding up to 1, or
     * null if there are none (or none found within the limits).
     */
    static double[] weights(long[] listed, int count, double[] marginals) {
        ExactMarginals marginalsOnListed = new ExactMarginals(marginals);
        for (int s = 0; s < count; s++) {
            marginalsOnListed.add(new long[] {listed[s]});
        }
        return marginalsOnListed.solve() ? marginalsOnListed.weights() : null;
    }

    int words() {
        return words;
    }

    /** How many samples were added. */
    int count() {
        return count;
    }

    /** The s-th sample added: its words from {@code sample(s) * words()} in {@link #samples()}. */
    long[] samples() {
        return samples;
    }

    void add(long[] sample) {
        if (count * words == samples.length) {
            samples = Arrays.copyOf(samples, 2 * samples.length);
            inBasis = Arrays.copyOf(inBasis, 2 * inBasis.length);
        }
        System.arraycopy(sample, 0, samples, count * words, words);
        count++;
    }

    /** The first phase's prices where {@link #solve()} found no weights: one per unit, then the total's. */
    double[] duals() {
        return duals;
    }

    /** A weight per sample added, adding up to 1, once {@link #solve()} has answered true. */
    double[] weights() {
        return weights;
    }

    /** True once the pivots' limit is reached or rounding has spoiled the weights: no more samples will help. */
    boolean exhausted() {
        return exhausted;
    }

    /**
     * Pivots on the samples added until every artificial variable has left the basis (true: the
     * weights exist) or no sample added improves the first phase (false, and {@link #duals()}
     * say what would), within the pivots' limit.
     */
    boolean solve() {
        if (exhausted) {
            return false;
        }
        int bytes = priceOfByte.length;
        for (; pivots <= PIVOT_LIMIT * rows; pivots++) {
            double infeasibility = 0;
            for (int r = 0; r < rows; r++) {
                if (basis[r] < 0) {
                    infeasibility += value[r];
                }
            }
            if (infeasibility <= EPSILON) {
                weights = checked();
                exhausted = weights == null;
                return weights != null;
            }
            // Duals of phase one: each artificial costs 1, each sample nothing.
            Arrays.fill(duals, 0);
            for (int r = 0; r < rows; r++) {
                if (basis[r] < 0) {
                    for (int c = 0; c < rows; c++) {
                        duals[c] += inverse[r][c];
                    }
                }
            }
            for (int b = 0; b < bytes; b++) {
                double[] prices = priceOfByte[b];
                for (int mask = 1; mask < 256; mask++) {
                    int k = 8 * b + Integer.numberOfTrailingZeros(mask);
                    prices[mask] = prices[mask & (mask - 1)] + (k < units ? duals[k] : 0);
                }
            }
            // A sample's reduced cost is -(its duals + the total's): enter the largest price above nought.
            boolean bland = pivots > BLAND_AFTER * rows;
            int entering = -1;
            double best = EPSILON;
            for (int s = 0; s < count; s++) {
                if (inBasis[s]) {
                    continue;
                }
                double price = duals[units];
                for (int b = 0; b < bytes; b++) {
                    price += priceOfByte[b][(int) (samples[s * words + b / 8] >>> (8 * (b % 8))) & 0xff];
                }
                if (price > best) {
                    entering = s;
                    if (bland) {
                        break;
                    }
                    best = price;
                }
            }
            if (entering < 0) {
                return false;
            }
            for (int r = 0; r < rows; r++) {
                double sum = inverse[r][units];
                for (int w = 0; w < words; w++) {
                    for (long rest = samples[entering * words + w]; rest != 0; rest &= rest - 1) {
                        sum += inverse[r][64 * w + Long.numberOfTrailingZeros(rest)];
                    }
                }
                column[r] = sum;
            }
            int leaving = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                if (column[r] > EPSILON) {
                    double candidate = value[r] / column[r];
                    // Ties: an artificial leaves first, then the lowest index (Bland).
                    if (candidate < ratio - EPSILON
                            || (candidate <= ratio + EPSILON && leaving >= 0 && preferred(basis[r], basis[leaving]))) {
                        ratio = candidate;
                        leaving = r;
                    }
                }
            }
            if (leaving < 0) {
                exhausted = true;
                return false;
            }
            double pivot = column[leaving];
            double[] pivotRow = inverse[leaving];
            for (int c = 0; c < rows; c++) {
                pivotRow[c] /= pivot;
            }
            value[leaving] /= pivot;
            for (int r = 0; r < rows; r++) {
                if (r != leaving && column[r] != 0) {
                    double factor = column[r];
                    double[] row = inverse[r];
                    for (int c = 0; c < rows; c++) {
                        row[c] -= factor * pivotRow[c];
                    }
                    value[r] = Math.max(0, value[r] - factor * value[leaving]);
                }
            }
            if (basis[leaving] >= 0) {
                inBasis[basis[leaving]] = false;
            }
            basis[leaving] = entering;
            inBasis[entering] = true;
        }
        exhausted = true;
        return false;
    }

    private static boolean preferred(int leaving, int current) {
        if ((leaving < 0) != (current < 0)) {
            return leaving < 0;
        }
        return leaving < current;
    }

    /** The basic samples' weights, or null if rounding has left their mean off the probabilities. */
    private double[] checked() {
        double[] found = new double[count];
        double total = 0;
        for (int r = 0; r < rows; r++) {
            if (basis[r] >= 0) {
                found[basis[r]] = Math.max(0, value[r]);
                total += found[basis[r]];
            }
        }
        if (total <= 0) {
            return null;
        }
        double[] mean = new double[units];
        for (int r = 0; r < rows; r++) {
            if (basis[r] >= 0) {
                found[basis[r]] /= total;
                for (int w = 0; w < words; w++) {
                    for (long rest = samples[basis[r] * words + w]; rest != 0; rest &= rest - 1) {
                        mean[64 * w + Long.numberOfTrailingZeros(rest)] += found[basis[r]];
                    }
                }
            }
        }
        for (int k = 0; k < units; k++) {
            if (Math.abs(mean[k] - target[k]) > RESIDUAL) {
                return null;
            }
        }
        return found;
    }
}
