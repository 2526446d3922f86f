package yardstick.reports.plans;

/** One of the report's numbered recommendations, which the plan must answer. */
public record Recommendation(int number, String addressedTo, String text) {
}
