package yardstick.ratings.domain;

import yardstick.platform.statistics.StandardNormal;

/**
 * The Wilson score interval of a proportion, in percentage points: where the service's true
 * share of cases meeting a key question plausibly lies, given the sample, at a confidence.
 */
public record WilsonInterval(double low, double high, double confidence) {

    private static final double DEFAULT_CONFIDENCE = 0.8;
    private static final double DEFAULT_Z = z(DEFAULT_CONFIDENCE);

    public static WilsonInterval of(int yes, int applicable, double confidence) {
        if (applicable <= 0) {
            throw new IllegalArgumentException("no interval without applicable cases");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence is a fraction between 0 and 1, not " + confidence);
        }
        double z = confidence == DEFAULT_CONFIDENCE ? DEFAULT_Z : z(confidence);
        double n = applicable;
        double p = yes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new WilsonInterval(
                100 * Math.max(0, centre - halfWidth),
                100 * Math.min(1, centre + halfWidth),
                confidence);
    }

    /** The two-sided critical value of the standard normal distribution at a confidence. */
    private static double z(double confidence) {
        return StandardNormal.quantile(1 - (1 - confidence) / 2);
    }
}
