package yardstick.cases.domain;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * One category's sampling plan: its settings, the windows as dates, the eligible population in
 * the window, and the size with the figures that produced it.
 */
public record CategoryPlan(CategorySettings settings, LocalDate windowStart, LocalDate windowEnd, LocalDate recentStart,
                           LocalDate recentEnd, int population, int recentInPopulation, SampleSize formula, int size,
                           String sizeReason) {

    /** Whether a case of this category falls in the plan's window. */
    public boolean eligible(EligibleCase eligible) {
        if (eligible.category() != settings.category()) {
            return false;
        }
        LocalDate date = dateOf(eligible);
        return date != null && !date.isBefore(windowStart) && date.isBefore(windowEnd);
    }

    /** Whether an eligible case falls in the recency window. */
    public Predicate<EligibleCase> recent() {
        return c -> {
            LocalDate date = dateOf(c);
            return date != null && !date.isBefore(recentStart) && !date.isAfter(recentEnd);
        };
    }

    private LocalDate dateOf(EligibleCase eligible) {
        return settings.category() == CaseCategory.RESETTLEMENT ? eligible.releaseDate().orElse(null) : eligible.disposalDate();
    }
}
