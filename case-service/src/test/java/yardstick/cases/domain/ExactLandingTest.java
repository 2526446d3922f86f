package yardstick.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The landing's two parts on instances small enough to list every sample here, by hand: the
 * weights on balanced samples give every unit exactly its probability, and the pricing finds the
 * best balanced sample for any prices, or proves there is none priced above nought.
 *
 * <p>The instance: 14 units in a size category (index 0) and two classifications, gender
 * (categories 1 and 2) and recency (3 and 4); a sample of 6 with 2 or 3 girls and exactly 4 recent.
 */
class ExactLandingTest {

    private static final int UNITS = 14;
    private static final int[][] CATEGORIES_OF = new int[UNITS][];
    private static final int[][] CLASSIFICATIONS = {{0}, {1, 2}, {3, 4}};
    private static final int[] LOWEST = {6, 2, 2, 4, 2};
    private static final int[] HIGHEST = {6, 3, 4, 4, 2};

    static {
        for (int k = 0; k < UNITS; k++) {
            CATEGORIES_OF[k] = new int[] {0, k % 3 == 0 ? 1 : 2, k % 2 == 0 ? 3 : 4};
        }
    }

    /** Every balanced sample of the instance, listed over all 2^14 subsets. */
    private static List<Long> balancedSamples() {
        List<Long> balanced = new ArrayList<>();
        for (long sample = 0; sample < 1L << UNITS; sample++) {
            int[] counts = new int[LOWEST.length];
            for (int k = 0; k < UNITS; k++) {
                if ((sample >>> k & 1) == 1) {
                    for (int c : CATEGORIES_OF[k]) {
                        counts[c]++;
                    }
                }
            }
            boolean within = true;
            for (int c = 0; c < counts.length; c++) {
                within &= counts[c] >= LOWEST[c] && counts[c] <= HIGHEST[c];
            }
            if (within) {
                balanced.add(sample);
            }
        }
        return balanced;
    }

    @Test
    void weightsOnBalancedSamplesGiveEveryUnitExactlyItsProbability() {
        List<Long> balanced = balancedSamples();
        // A mean of balanced samples is a point in their hull: probabilities a design can have.
        Random random = new Random(5);
        double[] probabilities = new double[UNITS];
        double total = 0;
        for (int i = 0; i < 5; i++) {
            double weight = random.nextDouble();
            total += weight;
            long sample = balanced.get(random.nextInt(balanced.size()));
            for (int k = 0; k < UNITS; k++) {
                probabilities[k] += weight * (sample >>> k & 1);
            }
        }
        for (int k = 0; k < UNITS; k++) {
            probabilities[k] /= total;
        }
        long[] listed = balanced.stream().mapToLong(Long::longValue).toArray();

        double[] weights = ExactMarginals.weights(listed, listed.length, probabilities);

        assertNotNull(weights, "the probabilities lie in the hull of the balanced samples");
        double[] mean = new double[UNITS];
        double sum = 0;
        for (int s = 0; s < listed.length; s++) {
            assertTrue(weights[s] >= 0, "a weight is a probability");
            sum += weights[s];
            for (int k = 0; k < UNITS; k++) {
                mean[k] += weights[s] * (listed[s] >>> k & 1);
            }
        }
        assertEquals(1, sum, 1e-9);
        for (int k = 0; k < UNITS; k++) {
            assertEquals(probabilities[k], mean[k], 1e-9, "unit " + k + " drawn with its probability");
        }
    }

    @Test
    void probabilitiesOutsideTheHullOfBalancedSamplesHaveNoWeights() {
        // Every balanced sample has exactly 4 recent units, so a mean with 4.5 recent is no mean of them.
        double[] probabilities = new double[UNITS];
        for (int k = 0; k < UNITS; k++) {
            probabilities[k] = k % 2 == 0 ? 4.5 / 7 : 1.5 / 7;
        }
        long[] listed = balancedSamples().stream().mapToLong(Long::longValue).toArray();
        assertEquals(null, ExactMarginals.weights(listed, listed.length, probabilities));
    }

    @Test
    void thePricingFindsTheBestBalancedSampleForAnyPrices() {
        List<Long> balanced = balancedSamples();
        Random random = new Random(11);
        BalancedSamplePricing pricing = new BalancedSamplePricing(CATEGORIES_OF, CLASSIFICATIONS, LOWEST, HIGHEST);
        for (int trial = 0; trial < 200; trial++) {
            double[] prices = new double[UNITS + 1];
            for (int k = 0; k <= UNITS; k++) {
                prices[k] = random.nextGaussian();
            }
            double best = Double.NEGATIVE_INFINITY;
            for (long sample : balanced) {
                double price = prices[UNITS];
                for (int k = 0; k < UNITS; k++) {
                    price += prices[k] * (sample >>> k & 1);
                }
                best = Math.max(best, price);
            }

            BalancedSamplePricing.Priced priced = pricing.price(prices, Long.MAX_VALUE, Long.MAX_VALUE);

            assertTrue(priced.complete());
            if (best > 1e-9) {
                assertEquals(best, priced.best(), 1e-9, "trial " + trial);
                long found = priced.samples().get(priced.samples().size() - 1)[0];
                assertTrue(balanced.contains(found), "the sample found is balanced");
            } else {
                assertTrue(priced.samples().isEmpty(), "none priced above nought, and the search says it looked everywhere");
            }
        }
    }

    @Test
    void aSearchStoppedByItsBoundProvesNothing() {
        double[] prices = new double[UNITS + 1];
        java.util.Arrays.fill(prices, 1);
        BalancedSamplePricing.Priced priced = new BalancedSamplePricing(CATEGORIES_OF, CLASSIFICATIONS, LOWEST, HIGHEST)
                .price(prices, 3, 3);
        assertTrue(priced.samples().isEmpty());
        assertFalse(priced.complete());
    }
}
