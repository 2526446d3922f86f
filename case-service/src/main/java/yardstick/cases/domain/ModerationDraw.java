package yardstick.cases.domain;

import java.time.Instant;

/** The random share of an inspection's moderation sample as drawn: the share, the seed that reproduces it, by whom and when. */
public record ModerationDraw(double share, long seed, String drawnBy, Instant drawTime) {
}
