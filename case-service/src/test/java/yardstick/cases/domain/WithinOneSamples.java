package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tests' own oracle for "wherever the population allows it": whether any sample of n cases has
 * every category count the floor or the ceiling of its quota, by exhaustive search over how many
 * cases of each combination of categories a sample takes (cases of one combination are
 * interchangeable to every count). It shares nothing with the draw.
 */
final class WithinOneSamples {

    private WithinOneSamples() {
    }

    /**
     * @param categoriesOf each case's categories, for example "GENDER/FEMALE", one per classification
     * @param quotas each category's quota, worked out by hand
     */
    static boolean exist(List<EligibleCase> population, int n, Function<EligibleCase, List<String>> categoriesOf,
                         Map<String, Double> quotas) {
        Map<List<String>, Integer> cells = new LinkedHashMap<>();
        population.forEach(c -> cells.merge(categoriesOf.apply(c), 1, Integer::sum));
        List<String> categories = new ArrayList<>(quotas.keySet());
        Map<String, Integer> index = new HashMap<>();
        categories.forEach(c -> index.put(c, index.size()));
        int[][] members = new int[cells.size()][];
        int[] sizes = new int[cells.size()];
        int cell = 0;
        for (var entry : cells.entrySet()) {
            members[cell] = entry.getKey().stream().mapToInt(index::get).toArray();
            sizes[cell++] = entry.getValue();
        }
        int[] lowest = new int[categories.size() + 1];
        int[] highest = new int[categories.size() + 1];
        for (int c = 0; c < categories.size(); c++) {
            lowest[c] = (int) Math.floor(quotas.get(categories.get(c)) + 1e-9);
            highest[c] = (int) Math.ceil(quotas.get(categories.get(c)) - 1e-9);
        }
        lowest[categories.size()] = n;
        highest[categories.size()] = n;
        // What the cells from the i-th on can still add to each category.
        int[][] room = new int[cells.size() + 1][categories.size() + 1];
        for (int i = cells.size() - 1; i >= 0; i--) {
            room[i] = room[i + 1].clone();
            for (int c : members[i]) {
                room[i][c] += sizes[i];
            }
            room[i][categories.size()] += sizes[i];
        }
        return search(0, new int[categories.size() + 1], members, sizes, room, lowest, highest, new long[] {50_000_000});
    }

    private static boolean search(int i, int[] counts, int[][] members, int[] sizes, int[][] room, int[] lowest, int[] highest,
                                  long[] steps) {
        if (--steps[0] < 0) {
            throw new IllegalStateException("the search for a sample within one case took too long to say");
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > highest[c] || counts[c] + room[i][c] < lowest[c]) {
                return false;
            }
        }
        if (i == sizes.length) {
            return true;
        }
        int size = counts.length - 1;
        for (int take = 0; take <= sizes[i]; take++) {
            for (int c : members[i]) {
                counts[c] += take;
            }
            counts[size] += take;
            boolean found = search(i + 1, counts, members, sizes, room, lowest, highest, steps);
            for (int c : members[i]) {
                counts[c] -= take;
            }
            counts[size] -= take;
            if (found) {
                return true;
            }
        }
        return false;
    }
}
