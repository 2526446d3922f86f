package yardstick.ratings.domain;

import java.util.OptionalInt;

/**
 * How firm a case-based rating is: the fewest key-question judgements that would have to change
 * for the standard to move a band down (any one key question falling below its band) or up
 * (every key question reaching the next band). Empty where there is no band to move to.
 */
public record Firmness(OptionalInt judgementsToMoveDown, OptionalInt judgementsToMoveUp) {
}
