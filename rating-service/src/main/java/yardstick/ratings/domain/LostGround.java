package yardstick.ratings.domain;

/**
 * A recorded discretion decision that no ground of Annexe 1 allows any more, because the
 * judgements changed after it was recorded (later judgements lifted the standard's band to the
 * rating the panel chose, say). It is not applied: the standard is rated by its band until the
 * panel withdraws or supersedes the decision.
 */
public record LostGround(DiscretionDecision decision, String reason) {
}
