package yardstick.ratings.domain;

/**
 * The Wilson score interval of a proportion, in percentage points: where the service's true
 * share of cases meeting a key question plausibly lies, given the sample, at a confidence.
 */
public record WilsonInterval(double low, double high, double confidence) {

    public static WilsonInterval of(int yes, int applicable, double confidence) {
        if (applicable <= 0) {
            throw new IllegalArgumentException("no interval without applicable cases");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence is a fraction between 0 and 1, not " + confidence);
        }
        double z = StandardNormal.quantile(1 - (1 - confidence) / 2);
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
}
