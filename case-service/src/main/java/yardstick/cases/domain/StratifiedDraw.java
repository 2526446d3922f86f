package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Draws a sample whose counts in every category of gender, disposal type, risk of serious harm,
 * and safety and wellbeing match their proportional targets, with the recency share met: a
 * balanced selection by controlled rounding.
 *
 * <p>Each classification's proportional targets (sample size x the category's share of the
 * population) are rounded to whole numbers that add up to the sample size, by largest remainder.
 * Rounding joint strata one by one cannot do this when cells are small (many cells of 0.3 of a
 * case), so the cases are chosen together instead: a seeded random start that respects every
 * target it can, then exchanges of a chosen case for an unchosen one while an exchange brings the
 * counts closer to their targets: a category is met when its count is the floor or the ceiling of
 * its proportional target, and the search lowers the total by which counts fall outside those
 * ranges (the recency share weighing double). Cases with
 * the same classifications are interchangeable, so an exchange is sought among those profiles,
 * each taking its cases in seeded random order. The same population, size, share and seed give
 * the same sample.
 */
public final class StratifiedDraw {

    public static final String METHOD = "balanced selection by controlled rounding: largest-remainder targets per "
            + "classification, seeded greedy starts, exchange search until every count is within a case of its quota";
    public static final String RECENCY = "RECENCY";
    private static final List<String> RECENCY_CATEGORIES = List.of("RECENT", "EARLIER");
    private static final Margin[] MARGINS = Margin.values();
    private static final int DIMENSIONS = MARGINS.length + 1;
    /** The recency share is a promise of Annexe 1 in its own right: it weighs as much as two classifications. */
    private static final int[] WEIGHTS = {1, 1, 1, 1, 2};
    private static final int STARTS = 12;

    private final List<EligibleCase> population;
    private final int[][] codes;
    private final int[][] targets;
    /** The counts the search aims within, per category: first the whole-number targets, then floor to ceiling of the quotas. */
    private int[][] lowest;
    private int[][] highest;
    private final int[][] floors;
    private final int[][] ceilings;
    private final double[][] quotas;
    private final int[][] counts;
    private final int[][] inPopulation;

    private StratifiedDraw(List<EligibleCase> population, Predicate<EligibleCase> recent, int size, double recentShare) {
        this.population = population;
        this.codes = new int[population.size()][DIMENSIONS];
        this.inPopulation = new int[DIMENSIONS][];
        for (int d = 0; d < DIMENSIONS; d++) {
            inPopulation[d] = new int[categories(d).size()];
        }
        for (int i = 0; i < population.size(); i++) {
            EligibleCase eligible = population.get(i);
            for (int m = 0; m < MARGINS.length; m++) {
                codes[i][m] = MARGINS[m].categories().indexOf(MARGINS[m].of(eligible));
            }
            codes[i][MARGINS.length] = recent.test(eligible) ? 0 : 1;
            for (int d = 0; d < DIMENSIONS; d++) {
                inPopulation[d][codes[i][d]]++;
            }
        }
        this.quotas = new double[DIMENSIONS][];
        this.targets = new int[DIMENSIONS][];
        for (int m = 0; m < MARGINS.length; m++) {
            quotas[m] = new double[inPopulation[m].length];
            for (int c = 0; c < quotas[m].length; c++) {
                quotas[m][c] = (double) size * inPopulation[m][c] / population.size();
            }
            targets[m] = apportion(quotas[m], size);
        }
        int recency = MARGINS.length;
        double recentQuota = Math.min(size * recentShare, inPopulation[recency][0]);
        recentQuota = Math.max(recentQuota, size - inPopulation[recency][1]);
        quotas[recency] = new double[] {recentQuota, size - recentQuota};
        targets[recency] = apportion(quotas[recency], size);
        this.counts = new int[DIMENSIONS][];
        this.floors = new int[DIMENSIONS][];
        this.ceilings = new int[DIMENSIONS][];
        for (int d = 0; d < DIMENSIONS; d++) {
            counts[d] = new int[inPopulation[d].length];
            floors[d] = new int[inPopulation[d].length];
            ceilings[d] = new int[inPopulation[d].length];
            for (int c = 0; c < inPopulation[d].length; c++) {
                floors[d][c] = (int) Math.floor(quotas[d][c] + 1e-9);
                ceilings[d][c] = Math.min(inPopulation[d][c], (int) Math.ceil(quotas[d][c] - 1e-9));
            }
        }
        this.lowest = targets;
        this.highest = targets;
    }

    /** How far a count lies outside its category's floor-to-ceiling range. */
    private int miss(int d, int c, int count) {
        return Math.max(0, lowest[d][c] - count) + Math.max(0, count - highest[d][c]);
    }

    /**
     * Draws {@code size} cases (all of them when the population is no larger).
     *
     * @param recent which cases fall in the recency window
     * @param recentShare the share of the sample to take from it, for example 0.6
     */
    public static DrawnSample draw(List<EligibleCase> population, int size, Predicate<EligibleCase> recent, double recentShare,
                                   long seed) {
        int n = Math.min(size, population.size());
        StratifiedDraw best = null;
        boolean[] bestChosen = null;
        // The search can settle where no single or paired exchange helps; a few more starts, each
        // from a seed derived from the one given, find a balanced sample where one exists.
        for (int start = 0; start < STARTS; start++) {
            StratifiedDraw draw = new StratifiedDraw(population, recent, n, recentShare);
            boolean[] chosen = draw.select(n, new Random(seed + start * 0x9E3779B97F4A7C15L));
            if (best == null || draw.weightedDeviation() < best.weightedDeviation()) {
                best = draw;
                bestChosen = chosen;
            }
            if (best.weightedDeviation() == 0) {
                break;
            }
        }
        List<EligibleCase> cases = new ArrayList<>(n);
        for (int i = 0; i < bestChosen.length; i++) {
            if (bestChosen[i]) {
                cases.add(population.get(i));
            }
        }
        return new DrawnSample(cases, seed, METHOD, best.balance());
    }

    /**
     * Each classification's target and achieved counts for a sample as it now stands (after
     * replacements, say), against the targets the draw aimed at.
     */
    public static List<MarginBalance> balanceOf(List<EligibleCase> population, int size, Predicate<EligibleCase> recent,
                                                double recentShare, Collection<EligibleCase> sample) {
        StratifiedDraw draw = new StratifiedDraw(population, recent, Math.min(size, population.size()), recentShare);
        Set<String> references = new HashSet<>();
        sample.forEach(c -> references.add(c.reference()));
        for (int i = 0; i < population.size(); i++) {
            if (references.contains(population.get(i).reference())) {
                draw.add(draw.codes[i], 1);
            }
        }
        return draw.balance();
    }

    /**
     * A case to take the place of {@code out}: an unsampled case with the same classifications and
     * recency (the same stratum), in seeded order; where the stratum is exhausted, the unsampled
     * case that keeps the sample closest to its targets.
     */
    public static Replacement replacementFor(List<EligibleCase> population, int size, Predicate<EligibleCase> recent,
                                             double recentShare, Collection<EligibleCase> sample, Set<String> unavailable,
                                             EligibleCase out, long seed) {
        StratifiedDraw draw = new StratifiedDraw(population, recent, Math.min(size, population.size()), recentShare);
        Set<String> sampled = new HashSet<>();
        sample.forEach(c -> sampled.add(c.reference()));
        int outIndex = -1;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < population.size(); i++) {
            String reference = population.get(i).reference();
            if (sampled.contains(reference)) {
                draw.add(draw.codes[i], 1);
            } else if (!unavailable.contains(reference)) {
                candidates.add(i);
            }
            if (reference.equals(out.reference())) {
                outIndex = i;
            }
        }
        if (outIndex < 0 || candidates.isEmpty()) {
            return new Replacement(java.util.Optional.empty(), true, candidates.isEmpty()
                    ? "no unsampled case is left in the population; the sample is one case smaller"
                    : out.reference() + " is not in the eligible population");
        }
        Collections.shuffle(candidates, new Random(seed));
        long stratum = profile(draw.codes[outIndex]);
        for (int i : candidates) {
            if (profile(draw.codes[i]) == stratum) {
                return new Replacement(java.util.Optional.of(population.get(i)), false, "replaced from the same stratum");
            }
        }
        int best = candidates.get(0);
        int bestDelta = Integer.MAX_VALUE;
        for (int i : candidates) {
            int delta = draw.swapDelta(draw.codes[outIndex], draw.codes[i]);
            if (delta < bestDelta) {
                best = i;
                bestDelta = delta;
            }
        }
        List<String> differences = new ArrayList<>();
        for (int d = 0; d < DIMENSIONS; d++) {
            if (draw.codes[best][d] != draw.codes[outIndex][d]) {
                differences.add(d < MARGINS.length ? MARGINS[d].name().toLowerCase(java.util.Locale.ROOT) : "recency");
            }
        }
        return new Replacement(java.util.Optional.of(population.get(best)), true, "the stratum is exhausted: no unsampled case "
                + "shares its classifications and recency; replaced by the case that keeps the sample closest to its targets, "
                + "which differs in " + String.join(", ", differences));
    }

    /** The outcome of a replacement: the case taken, whether its stratum was exhausted, and what was done. */
    public record Replacement(java.util.Optional<EligibleCase> replacement, boolean stratumExhausted, String note) {
    }

    private boolean[] select(int n, Random random) {
        boolean[] chosen = new boolean[population.size()];
        if (n == population.size()) {
            Arrays.fill(chosen, true);
            for (int[] code : codes) {
                add(code, 1);
            }
            return chosen;
        }
        List<Integer> order = new ArrayList<>(population.size());
        for (int i = 0; i < population.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        // Scarce cases first: those in a category the sample must take a large share of (all the
        // recent cases, say, when the recency window holds fewer than the share asks for).
        double[] scarcity = new double[population.size()];
        for (int i = 0; i < scarcity.length; i++) {
            for (int d = 0; d < DIMENSIONS; d++) {
                scarcity[i] = Math.max(scarcity[i], (double) targets[d][codes[i][d]] / inPopulation[d][codes[i][d]]);
            }
        }
        order.sort((a, b) -> Double.compare(scarcity[b], scarcity[a]));

        // Start: take, in random order, each case that exceeds no target; then fill up with the least harmful.
        int taken = 0;
        for (int i : order) {
            if (taken < n && fits(codes[i])) {
                chosen[i] = true;
                add(codes[i], 1);
                taken++;
            }
        }
        while (taken < n) {
            int best = -1;
            int bestCost = Integer.MAX_VALUE;
            for (int i : order) {
                if (!chosen[i]) {
                    int cost = addCost(codes[i]);
                    if (cost < bestCost) {
                        best = i;
                        bestCost = cost;
                    }
                }
            }
            chosen[best] = true;
            add(codes[best], 1);
            taken++;
        }

        // Unchosen cases by profile, each list in the seeded order.
        TreeMap<Long, List<Integer>> unchosenByProfile = new TreeMap<>();
        for (int i : order) {
            if (!chosen[i]) {
                unchosenByProfile.computeIfAbsent(profile(codes[i]), p -> new ArrayList<>()).add(i);
            }
        }
        // Aim at the whole-number targets; where the cases do not allow them all, settle for every
        // count within a case of its quota (floor to ceiling), which is what the sample promises.
        exchange(chosen, unchosenByProfile, order);
        lowest = floors;
        highest = ceilings;
        exchange(chosen, unchosenByProfile, order);
        return chosen;
    }

    /**
     * Exchanges a chosen case for an unchosen one while that lowers the total deviation from the
     * targets; where no single exchange does, two exchanges made together (the first may cost a
     * little, the second must more than repay it).
     */
    private void exchange(boolean[] chosen, TreeMap<Long, List<Integer>> unchosenByProfile, List<Integer> order) {
        while (weightedDeviation() > 0) {
            if (bestSingleExchange(chosen, unchosenByProfile, order, 0)) {
                continue;
            }
            if (!pairOfExchanges(chosen, unchosenByProfile, order)) {
                return;
            }
        }
    }

    /** Makes the exchange that lowers the weighted deviation most below {@code threshold}; false if none does. */
    private boolean bestSingleExchange(boolean[] chosen, TreeMap<Long, List<Integer>> unchosenByProfile, List<Integer> order,
                                       int threshold) {
        int bestDelta = threshold;
        int bestOut = -1;
        Long bestProfile = null;
        for (int s : order) {
            if (!chosen[s]) {
                continue;
            }
            for (var entry : unchosenByProfile.entrySet()) {
                List<Integer> candidates = entry.getValue();
                if (!candidates.isEmpty()) {
                    int delta = swapDelta(codes[s], codes[candidates.get(candidates.size() - 1)]);
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestOut = s;
                        bestProfile = entry.getKey();
                    }
                }
            }
        }
        if (bestProfile == null) {
            return false;
        }
        swap(chosen, unchosenByProfile, bestOut, bestProfile);
        return true;
    }

    private boolean pairOfExchanges(boolean[] chosen, TreeMap<Long, List<Integer>> unchosenByProfile, List<Integer> order) {
        int before = weightedDeviation();
        for (int s : order) {
            if (!chosen[s] || !inOverTargetCategory(codes[s])) {
                continue;
            }
            for (Long profile : List.copyOf(unchosenByProfile.keySet())) {
                List<Integer> candidates = unchosenByProfile.get(profile);
                if (candidates.isEmpty() || swapDelta(codes[s], codes[candidates.get(candidates.size() - 1)]) > 2) {
                    continue;
                }
                int in = swap(chosen, unchosenByProfile, s, profile);
                if (bestSingleExchange(chosen, unchosenByProfile, order, before - weightedDeviation())) {
                    return true;
                }
                undo(chosen, unchosenByProfile, s, in, profile);
            }
        }
        return false;
    }

    private int swap(boolean[] chosen, TreeMap<Long, List<Integer>> unchosenByProfile, int out, Long profile) {
        List<Integer> candidates = unchosenByProfile.get(profile);
        int in = candidates.remove(candidates.size() - 1);
        chosen[out] = false;
        chosen[in] = true;
        add(codes[out], -1);
        add(codes[in], 1);
        unchosenByProfile.computeIfAbsent(profile(codes[out]), p -> new ArrayList<>()).add(out);
        return in;
    }

    private void undo(boolean[] chosen, TreeMap<Long, List<Integer>> unchosenByProfile, int out, int in, Long profile) {
        List<Integer> returned = unchosenByProfile.get(profile(codes[out]));
        returned.remove(returned.size() - 1);
        unchosenByProfile.get(profile).add(in);
        chosen[out] = true;
        chosen[in] = false;
        add(codes[in], -1);
        add(codes[out], 1);
    }

    private boolean inOverTargetCategory(int[] code) {
        for (int d = 0; d < DIMENSIONS; d++) {
            if (counts[d][code[d]] >= highest[d][code[d]]) {
                return true;
            }
        }
        return false;
    }

    private int weightedDeviation() {
        int total = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            for (int c = 0; c < counts[d].length; c++) {
                total += WEIGHTS[d] * miss(d, c, counts[d][c]);
            }
        }
        return total;
    }

    private boolean fits(int[] code) {
        for (int d = 0; d < DIMENSIONS; d++) {
            if (counts[d][code[d]] + 1 > targets[d][code[d]]) {
                return false;
            }
        }
        return true;
    }

    private int delta(int d, int c, int change) {
        return WEIGHTS[d] * (miss(d, c, counts[d][c] + change) - miss(d, c, counts[d][c]));
    }

    private int addCost(int[] code) {
        int cost = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            cost += delta(d, code[d], 1);
        }
        return cost;
    }

    private int swapDelta(int[] out, int[] in) {
        int delta = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            if (out[d] == in[d]) {
                continue;
            }
            delta += delta(d, out[d], -1) + delta(d, in[d], 1);
        }
        return delta;
    }

    private void add(int[] code, int amount) {
        for (int d = 0; d < DIMENSIONS; d++) {
            counts[d][code[d]] += amount;
        }
    }


    private static long profile(int[] code) {
        long key = 0;
        for (int value : code) {
            key = key * 16 + value;
        }
        return key;
    }

    private List<MarginBalance> balance() {
        List<MarginBalance> balance = new ArrayList<>();
        for (int d = 0; d < DIMENSIONS; d++) {
            List<String> categories = categories(d);
            for (int c = 0; c < categories.size(); c++) {
                if (inPopulation[d][c] > 0 || targets[d][c] > 0) {
                    balance.add(new MarginBalance(d < MARGINS.length ? MARGINS[d].name() : RECENCY, categories.get(c),
                            inPopulation[d][c], quotas[d][c], targets[d][c], counts[d][c]));
                }
            }
        }
        return balance;
    }

    private static List<String> categories(int dimension) {
        return dimension < MARGINS.length ? MARGINS[dimension].categories() : RECENCY_CATEGORIES;
    }

    /** Whole numbers adding up to {@code total}, each the floor or ceiling of its quota (largest remainder first). */
    static int[] apportion(double[] quotas, int total) {
        int[] whole = new int[quotas.length];
        int sum = 0;
        for (int i = 0; i < quotas.length; i++) {
            whole[i] = (int) Math.floor(quotas[i] + 1e-9);
            sum += whole[i];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < quotas.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort((a, b) -> Double.compare(quotas[b] - whole[b], quotas[a] - whole[a]));
        for (int k = 0; sum < total && k < byRemainder.size(); k++) {
            whole[byRemainder.get(k)]++;
            sum++;
        }
        return whole;
    }
}
