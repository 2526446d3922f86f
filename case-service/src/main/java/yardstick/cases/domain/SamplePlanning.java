package yardstick.cases.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Plans an inspection's samples from its eligible population: one plan per category that has cases. */
public final class SamplePlanning {

    private SamplePlanning() {
    }

    public static List<CategoryPlan> plan(List<EligibleCase> population, LocalDate fieldworkStart, Map<CaseCategory, CategorySettings> given) {
        Map<CaseCategory, CategoryPlan> plans = new EnumMap<>(CaseCategory.class);
        for (CaseCategory category : CaseCategory.values()) {
            CategorySettings settings = given.getOrDefault(category, CategorySettings.defaults(category));
            CategoryPlan draft = windows(settings, fieldworkStart);
            LocalDate windowStart = draft.windowStart();
            LocalDate windowEnd = draft.windowEnd();
            LocalDate recentStart = draft.recentStart();
            LocalDate recentEnd = draft.recentEnd();
            List<EligibleCase> inWindow = population.stream().filter(draft::eligible).toList();
            if (inWindow.isEmpty()) {
                continue;
            }
            int recent = (int) inWindow.stream().filter(draft.recent()).count();
            SampleSize formula = SampleSize.of(inWindow.size(), settings.confidence(), settings.marginOfError(),
                    settings.minimum(), settings.maximum());
            int size = formula.size();
            String reason = "sample size formula: " + formula.reason();
            CategoryPlan court = plans.get(CaseCategory.COURT);
            if (settings.sizeRule() == CategorySettings.SizeRule.SHARE_OF_COURT && court != null) {
                double scaled = (double) court.size() * inWindow.size() / court.population();
                size = Math.min(inWindow.size(), Math.max(settings.minimum(), (int) Math.round(scaled)));
                reason = String.format("the court sample of %d scaled by %d out-of-court cases to %d court cases = %.2f, rounded "
                        + "and held within %d to the population of %d", court.size(), inWindow.size(), court.population(), scaled,
                        settings.minimum(), inWindow.size());
            }
            plans.put(category, new CategoryPlan(settings, windowStart, windowEnd, recentStart, recentEnd, inWindow.size(), recent,
                    formula, size, reason));
        }
        return new ArrayList<>(plans.values());
    }

    /**
     * A category's windows as dates, without the population's figures: enough to tell whether a
     * case is eligible and recent (to replace a sampled case without reading the whole population).
     */
    public static CategoryPlan windows(CategorySettings settings, LocalDate fieldworkStart) {
        LocalDate windowEnd = settings.category() == CaseCategory.RESETTLEMENT ? fieldworkStart.minusMonths(settings.recentFromMonths())
                : fieldworkStart;
        LocalDate windowStart = fieldworkStart.minusMonths(settings.windowMonths());
        LocalDate recentStart = fieldworkStart.minusMonths(settings.recentToMonths());
        LocalDate recentEnd = fieldworkStart.minusMonths(settings.recentFromMonths());
        return new CategoryPlan(settings, windowStart, windowEnd, recentStart, recentEnd, 0, 0, null, 0, "");
    }
}
