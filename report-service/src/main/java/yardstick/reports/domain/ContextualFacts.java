package yardstick.reports.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yardstick.platform.statistics.Percentages;
import yardstick.platform.statistics.StandardNormal;

/**
 * The report's contextual facts and Annexe 1's sub-sample margins, from case-service's counts.
 * The reports give the caseload by age band (10-14, 15-17), gender, ethnicity and disposal type,
 * each as a whole percentage.
 */
public final class ContextualFacts {

    private static final List<String> SHOWN = List.of("AGE", "GENDER", "ETHNICITY", "DISPOSAL_TYPE");

    private ContextualFacts() {
    }

    /** One of case-service's counts: a classification ("GENDER"), a category of it ("GENDER_FEMALE") and how many cases. */
    public record Count(String classification, String category, int count) {
    }

    public record Fact(String classification, String category, int count, int percentage) {
    }

    /** The facts the report shows, in the reports' order and words; ages are banded. */
    public static List<Fact> of(int total, List<Count> counts) {
        List<Fact> facts = new ArrayList<>();
        if (total <= 0) {
            return facts;
        }
        for (String classification : SHOWN) {
            Map<String, Integer> byCategory = new LinkedHashMap<>();
            if (classification.equals("AGE")) {
                byCategory.put("10-14", 0);
                byCategory.put("15-17", 0);
            }
            counts.stream().filter(c -> c.classification().equals(classification)).forEach(c -> byCategory.merge(
                    classification.equals("AGE") ? ageBand(c.category()) : words(c.category()), c.count(), Integer::sum));
            byCategory.forEach((category, count) -> facts.add(new Fact(classification, category, count,
                    Percentages.wholePercentage(count, total))));
        }
        return facts;
    }

    /**
     * The margin of error, in percentage points, of a proportion measured on {@code cases} cases at
     * {@code confidence}, with no finite population correction: the sub-sample's own population is
     * not known, so this is the cautious figure.
     */
    public static double subSampleMargin(int cases, double confidence) {
        double z = StandardNormal.quantile(1 - (1 - confidence) / 2);
        return 100 * z * Math.sqrt(0.25 / cases);
    }

    static String ageBand(String age) {
        int years;
        try {
            years = Integer.parseInt(age);
        } catch (NumberFormatException e) {
            return "Not known";
        }
        if (years < 10) {
            return "Under 10";
        }
        return years <= 14 ? "10-14" : years <= 17 ? "15-17" : "18 and over";
    }

    /** "DISPOSAL_TYPE_YOUTH_CONDITIONAL_CAUTION" as the reports write it: "Youth conditional caution". */
    static String words(String category) {
        String name = category;
        for (String prefix : List.of("DISPOSAL_TYPE_", "GENDER_", "ETHNICITY_GROUP_")) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            }
        }
        return Words.sentence(name);
    }
}
