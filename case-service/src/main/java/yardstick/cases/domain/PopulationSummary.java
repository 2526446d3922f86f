package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The eligible population counted by category and by each classification. */
public record PopulationSummary(int total, List<Count> counts) {

    public record Count(String classification, String category, int count) {
    }

    public static PopulationSummary of(List<EligibleCase> population) {
        List<Count> counts = new ArrayList<>();
        count(population, "CATEGORY", c -> c.category().name(), counts);
        count(population, "DISPOSAL_TYPE", c -> c.disposalType().name(), counts);
        count(population, "GENDER", c -> c.gender().name(), counts);
        count(population, "ETHNICITY", c -> c.ethnicity().name(), counts);
        count(population, "RISK_OF_SERIOUS_HARM", c -> c.riskOfSeriousHarm().name(), counts);
        count(population, "SAFETY_AND_WELLBEING", c -> c.safetyAndWellbeing().name(), counts);
        count(population, "LOOKED_AFTER", c -> c.lookedAfter() ? "YES" : "NO", counts);
        count(population, "AGE", c -> String.valueOf(c.age()), counts);
        return new PopulationSummary(population.size(), counts);
    }

    private static void count(List<EligibleCase> population, String classification, Function<EligibleCase, String> category,
                              List<Count> counts) {
        Map<String, Integer> byCategory = new TreeMap<>();
        for (EligibleCase eligible : population) {
            byCategory.merge(category.apply(eligible), 1, Integer::sum);
        }
        byCategory.forEach((name, count) -> counts.add(new Count(classification, name, count)));
    }
}
