package yardstick.cases.domain;

/**
 * A sampling design on the few cases the cube method's flight phase leaves undecided: weights on
 * the allowed samples of them (every category within its bounds) whose weighted mean is the
 * cases' inclusion probabilities. It is the landing phase by linear programming of Deville and
 * Tillé (2004, section 5.2), as a feasibility problem:
 *
 * <pre>
 *   find p >= 0 with  Σ_s p_s = 1  and, for every undecided case k,  Σ_s p_s s_k = π_k
 * </pre>
 *
 * solved by the first phase of the revised simplex method (Dantzig), the basis inverse kept
 * explicitly (one row per undecided case and one for the total), entering the sample of the most
 * negative reduced cost, priced a byte of the sample's bit mask at a time, and by Bland's rule
 * after many pivots so that it does not cycle. Answers null when the probabilities lie outside the
 * convex hull of the allowed samples, and also when {@link #PIVOT_LIMIT} pivots per row have not
 * settled it or rounding has left the weights off the probabilities: a caller treats all three
 * alike, so the search is bounded whatever the samples.
 */
final class ExactMarginals {

    /**
     * Pivots allowed per row before the answer is "no weights": on the landings measured (41 rows,
     * about 400 samples) the first phase settled in 3 pivots per row on average and 6 at most.
     */
    private static final int PIVOT_LIMIT = 30;
    /** Pivots per row after which the entering sample is the first that improves (Bland's rule), so that it cannot cycle. */
    private static final int BLAND_AFTER = 10;
    private static final double EPSILON = 1e-9;
    private static final double RESIDUAL = 1e-7;

    private ExactMarginals() {
    }

    /**
     * @param samples each allowed sample a bit mask over the undecided cases (bit k set: case k drawn)
     * @param count how many of {@code samples} are listed
     * @param marginals each undecided case's inclusion probability (at most 62 cases)
     * @return a weight per listed sample, adding up to 1, or null if there are none (or none found within the limits)
     */
    static double[] weights(long[] samples, int count, double[] marginals) {
        return weights(samples, count, marginals, new double[marginals.length + 1]);
    }

    /**
     * As {@link #weights(long[], int, double[])}, and where there are none, leaves in {@code duals}
     * the last prices of the first phase (one per case, then the total's): a sample s whose
     * prices add up to more than nought (Σ_{k in s} duals_k + duals_total > 0) would bring the
     * weights nearer, so they say which samples to look for next (column generation).
     */
    static double[] weights(long[] samples, int count, double[] marginals, double[] duals) {
        int cases = marginals.length;
        int rows = cases + 1;
        double[] target = new double[rows];
        System.arraycopy(marginals, 0, target, 0, cases);
        target[cases] = 1;
        // The basis: a sample's index, or -1 - r for the artificial variable of row r.
        int[] basis = new int[rows];
        double[][] inverse = new double[rows][rows];
        double[] value = target.clone();
        for (int r = 0; r < rows; r++) {
            basis[r] = -1 - r;
            inverse[r][r] = 1;
        }
        int bytes = (cases + 7) / 8;
        double[][] priceOfByte = new double[bytes][256];
        double[] column = new double[rows];
        boolean[] inBasis = new boolean[count];
        for (int pivots = 0; pivots <= PIVOT_LIMIT * rows; pivots++) {
            double infeasibility = 0;
            for (int r = 0; r < rows; r++) {
                if (basis[r] < 0) {
                    infeasibility += value[r];
                }
            }
            if (infeasibility <= EPSILON) {
                return checked(samples, count, target, basis, value);
            }
            // Duals of phase one: each artificial costs 1, each sample nothing.
            java.util.Arrays.fill(duals, 0);
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
                    int low = Integer.numberOfTrailingZeros(mask);
                    int k = 8 * b + low;
                    prices[mask] = prices[mask & (mask - 1)] + (k < cases ? duals[k] : 0);
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
                long sample = samples[s];
                double price = duals[cases];
                for (int b = 0; b < bytes; b++) {
                    price += priceOfByte[b][(int) (sample >>> (8 * b)) & 0xff];
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
                return null;
            }
            long sample = samples[entering];
            for (int r = 0; r < rows; r++) {
                double sum = inverse[r][cases];
                for (long rest = sample; rest != 0; rest &= rest - 1) {
                    sum += inverse[r][Long.numberOfTrailingZeros(rest)];
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
                return null;
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
        return null;
    }

    private static boolean preferred(int leaving, int current) {
        if ((leaving < 0) != (current < 0)) {
            return leaving < 0;
        }
        return leaving < current;
    }

    /** The basic samples' weights, or null if rounding has left their mean off the probabilities. */
    private static double[] checked(long[] samples, int count, double[] target, int[] basis, double[] value) {
        int cases = target.length - 1;
        double[] weights = new double[count];
        double total = 0;
        for (int r = 0; r < basis.length; r++) {
            if (basis[r] >= 0) {
                weights[basis[r]] = Math.max(0, value[r]);
                total += weights[basis[r]];
            }
        }
        if (total <= 0) {
            return null;
        }
        double[] mean = new double[cases];
        for (int r = 0; r < basis.length; r++) {
            if (basis[r] >= 0) {
                weights[basis[r]] /= total;
                for (long rest = samples[basis[r]]; rest != 0; rest &= rest - 1) {
                    mean[Long.numberOfTrailingZeros(rest)] += weights[basis[r]];
                }
            }
        }
        for (int k = 0; k < cases; k++) {
            if (Math.abs(mean[k] - target[k]) > RESIDUAL) {
                return null;
            }
        }
        return weights;
    }
}
