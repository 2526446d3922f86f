package yardstick.cases.domain;

import yardstick.platform.statistics.StandardNormal;

/**
 * The sample size Annexe 1 describes: the sample size for a proportion (taking p = 0.5, the most
 * cautious) at a confidence and margin of error, with the finite population correction, rounded
 * up, then held within the inspectorate's bounds; a population no larger than the size is taken
 * whole. Every figure is kept so that an inspector can check it by hand:
 *
 * <pre>
 *   n0 = z^2 * p * (1 - p) / e^2            (z: the two-sided critical value at the confidence)
 *   n  = n0 / (1 + (n0 - 1) / N)            (N: the eligible population)
 *   size = min(N, max(minimum, min(maximum, ceil(n))))
 * </pre>
 *
 * At 80 per cent and a margin of 5 (z = 1.2816, n0 = 164.24) a population of 200 gives 91.
 */
public record SampleSize(int population, double confidence, double marginOfError, double z, double uncorrected,
                         double corrected, int minimum, int maximum, int size, String reason) {

    private static final double P = 0.5;

    /**
     * @param marginOfError as a fraction (0.05 for "a margin of error of 5")
     */
    public static SampleSize of(int population, double confidence, double marginOfError, int minimum, int maximum) {
        if (population < 0) {
            throw new IllegalArgumentException("a population is not negative");
        }
        if (!(confidence > 0 && confidence < 1) || !(marginOfError > 0 && marginOfError < 1)) {
            throw new IllegalArgumentException("confidence and margin of error are fractions between 0 and 1");
        }
        if (minimum < 1 || maximum < minimum) {
            throw new IllegalArgumentException("bounds must satisfy 1 <= minimum <= maximum");
        }
        double z = StandardNormal.quantile(1 - (1 - confidence) / 2);
        double uncorrected = z * z * P * (1 - P) / (marginOfError * marginOfError);
        double corrected = population == 0 ? 0 : uncorrected / (1 + (uncorrected - 1) / population);
        int formula = (int) Math.ceil(corrected - 1e-9);
        int size;
        String reason;
        if (formula > maximum) {
            size = maximum;
            reason = "the formula gives " + formula + ", above the maximum of " + maximum;
        } else if (formula < minimum) {
            size = minimum;
            reason = "the formula gives " + formula + ", below the minimum of " + minimum;
        } else {
            size = formula;
            reason = "the formula";
        }
        if (size >= population) {
            size = population;
            reason = "the whole population of " + population + " (" + reason + ")";
        }
        return new SampleSize(population, confidence, marginOfError, z, uncorrected, corrected, minimum, maximum, size, reason);
    }

    /** The margin of error, in percentage points, of a proportion measured on {@code n} of this population's cases. */
    public double marginOfErrorFor(int n) {
        if (n <= 0) {
            return Double.NaN;
        }
        double fpc = population > 1 ? Math.sqrt((double) (population - n) / (population - 1)) : 0;
        return 100 * z * Math.sqrt(P * (1 - P) / n) * fpc;
    }
}
