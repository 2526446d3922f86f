package yardstick.reports.plans;

/** Why the rules refuse a change: its type (for example "UNANSWERED_RECOMMENDATION"), what it is about, and why. */
public record Refusal(String type, String subject, String description) {
}
