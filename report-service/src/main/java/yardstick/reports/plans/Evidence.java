package yardstick.reports.plans;

/** A dated note of what shows an action's progress. */
public record Evidence(PlanDate date, String note) {
}
