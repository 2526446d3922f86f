package yardstick.ratings.domain;

/** The grounds Annexe 1 gives on which the ratings panel may use professional discretion. */
public enum DiscretionGround {
    /** The lowest key question's percentage is within five percentage points of a band boundary. */
    WITHIN_FIVE_POINTS,
    /** A differing judgement in one case would result in a change in rating. */
    ONE_CASE_WOULD_CHANGE,
    /** The rating rests on a sample or sub-sample of five cases or fewer. */
    FIVE_CASES_OR_FEWER;

    public String description() {
        return switch (this) {
            case WITHIN_FIVE_POINTS -> "the lowest key question is within five percentage points of the band boundary";
            case ONE_CASE_WOULD_CHANGE -> "a differing judgement in one case would change the rating";
            case FIVE_CASES_OR_FEWER -> "the rating rests on a sample or sub-sample of five cases or fewer";
        };
    }
}
