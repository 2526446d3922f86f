package yardstick.reports.plans;

/**
 * One entry of a plan's history, in words: the part of the plan changed ("actions/3",
 * "objectives/1", or "" for the plan itself) and what changed. Never holds a display name.
 */
public record Change(String subject, String description) {
}
