package yardstick.cases.domain;

import java.util.List;

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
 * solved by the first phase of the simplex method (Dantzig), entering the most negative reduced
 * cost, and by Bland's rule after many pivots so that it never cycles. Answers null when the
 * probabilities lie outside the convex hull of the allowed samples.
 */
final class ExactMarginals {

    private static final double EPSILON = 1e-9;

    private ExactMarginals() {
    }

    /**
     * @param samples each allowed sample a bit mask over the undecided cases (bit k set: case k drawn)
     * @param marginals each undecided case's inclusion probability
     * @return a weight per sample, adding up to 1, or null if there are none
     */
    static double[] weights(List<Long> samples, double[] marginals) {
        int rows = marginals.length + 1;
        int columns = samples.size();
        int width = columns + rows + 1;
        double[][] tableau = new double[rows + 1][width];
        int[] basis = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < columns; s++) {
                tableau[r][s] = r < marginals.length ? (samples.get(s) >>> r & 1L) : 1;
            }
            tableau[r][columns + r] = 1;
            tableau[r][width - 1] = r < marginals.length ? marginals[r] : 1;
            basis[r] = columns + r;
        }
        // The objective row: minimise the sum of the artificial variables, priced out of the basis.
        double[] objective = tableau[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                objective[c] -= tableau[r][c];
            }
            objective[width - 1] -= tableau[r][width - 1];
        }
        int pivots = 0;
        while (true) {
            boolean bland = ++pivots > 50 * rows;
            int entering = -1;
            for (int c = 0; c < columns + rows; c++) {
                if (objective[c] < -EPSILON && (entering < 0 || (!bland && objective[c] < objective[entering]))) {
                    entering = c;
                    if (bland) {
                        break;
                    }
                }
            }
            if (entering < 0) {
                break;
            }
            int leaving = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                if (tableau[r][entering] > EPSILON) {
                    double candidate = tableau[r][width - 1] / tableau[r][entering];
                    if (candidate < ratio - EPSILON || (Math.abs(candidate - ratio) <= EPSILON && basis[r] < basis[leaving])) {
                        ratio = candidate;
                        leaving = r;
                    }
                }
            }
            if (leaving < 0) {
                break;
            }
            pivot(tableau, leaving, entering);
            basis[leaving] = entering;
        }
        if (-objective[width - 1] > 1e-7) {
            return null;
        }
        double[] weights = new double[columns];
        for (int r = 0; r < rows; r++) {
            if (basis[r] < columns) {
                weights[basis[r]] = Math.max(0, tableau[r][width - 1]);
            }
        }
        return weights;
    }

    private static void pivot(double[][] tableau, int row, int column) {
        double[] pivotRow = tableau[row];
        double pivot = pivotRow[column];
        for (int c = 0; c < pivotRow.length; c++) {
            pivotRow[c] /= pivot;
        }
        for (int r = 0; r < tableau.length; r++) {
            double factor = tableau[r][column];
            if (r != row && factor != 0) {
                double[] target = tableau[r];
                for (int c = 0; c < target.length; c++) {
                    target[c] -= factor * pivotRow[c];
                }
            }
        }
    }
}
