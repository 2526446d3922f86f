package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pricing of column generation for the landing ({@link ExactMarginals}): among the balanced
 * samples of some units (every category's count within its bounds, the size exact), the one whose
 * prices add up to the most. An integer programme, solved exactly by branch and bound: the units
 * in order of price, highest first, each taken or left (taken first where its price is above
 * nought), a branch cut where even the best it could still reach is no better than the best sample
 * found. That bound is the least, over the classifications, of the best the rest of the units
 * could add keeping that classification alone: each of its categories takes its highest-priced
 * units up to what its lowest bound still needs, then the best of the others fill the size, no
 * category beyond its highest bound (a greedy that is optimal for one classification alone, a
 * partition matroid); it is also minus infinity where a classification can no longer end within
 * its bounds, so every sample reached is balanced.
 *
 * <p>A search that runs to its end without finding a sample priced above nought proves that
 * there is none: the simplex's prices then separate the probabilities from every balanced sample,
 * so no weights on balanced samples have them as their mean. The search is bounded by a count of
 * branches; where it stops there, it proves nothing ({@link Priced#complete()} is false).
 */
final class BalancedSamplePricing {

    /** The samples the search found, each priced above nought and above the one before, whether it ran to its end, and its branches. */
    record Priced(List<long[]> samples, double best, boolean complete, long branches) {
    }

    private static final double EPSILON = 1e-9;

    private final int[][] categoriesOf;
    private final int[][] classifications;
    private final int[] lowest;
    private final int[] highest;
    private final int units;
    private final int words;
    private final int categories;

    // The state of one search.
    private final int[] order;
    private final double[] price;
    private final int[][] membersFrom;
    private final int[] counts;
    private final boolean[] takenAt;
    private final int[] need;
    private final int[] cap;
    private final int[] taken;
    private final List<long[]> found = new ArrayList<>();
    private double best;
    private long branches;
    private long mostBranches;
    private long enoughOnceFoundAfter;
    private boolean stopped;

    /**
     * @param categoriesOf for each unit, the categories it counts in: the size first, then one per classification
     * @param classifications the categories of each classification, the size's alone first
     * @param lowest each category's lowest count (the size's equal to its highest)
     * @param highest each category's highest count
     */
    BalancedSamplePricing(int[][] categoriesOf, int[][] classifications, int[] lowest, int[] highest) {
        this.categoriesOf = categoriesOf;
        this.classifications = classifications;
        this.lowest = lowest;
        this.highest = highest;
        this.units = categoriesOf.length;
        this.words = Math.max(1, (units + 63) / 64);
        this.categories = lowest.length;
        order = new int[units];
        price = new double[units];
        membersFrom = new int[units + 1][categories];
        counts = new int[categories];
        takenAt = new boolean[units];
        need = new int[categories];
        cap = new int[categories];
        taken = new int[categories];
    }

    /**
     * Searches for balanced samples priced above nought: a unit's price is {@code prices[k]}, and
     * every sample also has {@code prices[units]}. Stops at the end of the search, after
     * {@code mostBranches} branches, or after {@code enoughOnceFoundAfter} branches once one is found.
     */
    Priced price(double[] prices, long enoughOnceFoundAfter, long mostBranches) {
        Integer[] byPrice = new Integer[units];
        for (int k = 0; k < units; k++) {
            byPrice[k] = k;
        }
        Arrays.sort(byPrice, (a, b) -> Double.compare(prices[b], prices[a]));
        for (int i = 0; i < units; i++) {
            order[i] = byPrice[i];
            price[i] = prices[order[i]];
        }
        for (int i = units - 1; i >= 0; i--) {
            System.arraycopy(membersFrom[i + 1], 0, membersFrom[i], 0, categories);
            for (int c : categoriesOf[order[i]]) {
                membersFrom[i][c]++;
            }
        }
        Arrays.fill(counts, 0);
        found.clear();
        best = EPSILON;
        branches = 0;
        this.mostBranches = mostBranches;
        this.enoughOnceFoundAfter = enoughOnceFoundAfter;
        stopped = false;
        search(0, prices[units]);
        return new Priced(List.copyOf(found), found.isEmpty() ? Double.NaN : best, !stopped, Math.min(branches, mostBranches));
    }

    private void search(int i, double value) {
        if (++branches > mostBranches || (!found.isEmpty() && branches > enoughOnceFoundAfter)) {
            stopped = true;
            return;
        }
        if (value + bound(i) <= best) {
            return;
        }
        if (i == units) {
            best = value;
            long[] sample = new long[words];
            for (int j = 0; j < units; j++) {
                if (takenAt[j]) {
                    sample[order[j] / 64] |= 1L << (order[j] % 64);
                }
            }
            found.add(sample);
            return;
        }
        int[] own = categoriesOf[order[i]];
        boolean takeFirst = price[i] > 0;
        for (int option = 0; option < 2 && !stopped; option++) {
            boolean take = takeFirst == (option == 0);
            if (take) {
                boolean fits = true;
                for (int c : own) {
                    fits &= counts[c] < highest[c];
                }
                if (!fits) {
                    continue;
                }
                for (int c : own) {
                    counts[c]++;
                }
                takenAt[i] = true;
                search(i + 1, value + price[i]);
                takenAt[i] = false;
                for (int c : own) {
                    counts[c]--;
                }
            } else {
                search(i + 1, value);
            }
        }
    }

    /**
     * The most the units from the i-th on could add to a balanced sample, as the class comment
     * says, or minus infinity where no balanced sample can be reached from here.
     */
    private double bound(int i) {
        int sizeLeft = lowest[0] - counts[0];
        if (sizeLeft < 0 || sizeLeft > units - i) {
            return Double.NEGATIVE_INFINITY;
        }
        double least = Double.POSITIVE_INFINITY;
        for (int g = 1; g < classifications.length; g++) {
            int needed = 0;
            int room = 0;
            for (int c : classifications[g]) {
                need[c] = Math.max(0, lowest[c] - counts[c]);
                cap[c] = Math.min(highest[c] - counts[c], membersFrom[i][c]);
                if (need[c] > cap[c]) {
                    return Double.NEGATIVE_INFINITY;
                }
                needed += need[c];
                room += cap[c];
                taken[c] = 0;
            }
            if (needed > sizeLeft || room < sizeLeft) {
                return Double.NEGATIVE_INFINITY;
            }
            int extra = sizeLeft - needed;
            double most = 0;
            for (int j = i; j < units && (extra > 0 || needed > 0); j++) {
                int c = categoriesOf[order[j]][g];
                if (taken[c] < need[c]) {
                    taken[c]++;
                    needed--;
                    most += price[j];
                } else if (extra > 0 && taken[c] < cap[c]) {
                    taken[c]++;
                    extra--;
                    most += price[j];
                }
            }
            least = Math.min(least, most);
        }
        return least == Double.POSITIVE_INFINITY ? 0 : least;
    }
}
