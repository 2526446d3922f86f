package yardstick.ratings.domain;

/** The ratings panel's decision to move a case-based standard's rating, and why. */
public record DiscretionDecision(String standard, Rating rating, String rationale) {
}
