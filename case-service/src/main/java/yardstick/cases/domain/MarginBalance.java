package yardstick.cases.domain;

/**
 * One category of one classification: its share of the eligible population, the sample's
 * proportional target (a fraction), the whole number aimed at, and what the sample achieved.
 * Recency appears as the classification "RECENCY" with categories "RECENT" and "EARLIER".
 */
public record MarginBalance(String classification, String category, int inPopulation, double proportionalTarget, int target,
                            int achieved) {

    /** How far the sample is from the proportional target, in cases. */
    public double deviation() {
        return achieved - proportionalTarget;
    }
}
