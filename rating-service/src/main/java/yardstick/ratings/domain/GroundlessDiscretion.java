package yardstick.ratings.domain;

/** What rating does with a discretion decision that no ground allows. */
public enum GroundlessDiscretion {
    /** Refuse to rate: the caller proposed the decision and must change it. */
    REFUSE,
    /**
     * Rate the standard by its band and report the decision as having lost its ground: the panel
     * recorded it when a ground allowed it, and must now act on it.
     */
    REPORT_LOST_GROUND
}
