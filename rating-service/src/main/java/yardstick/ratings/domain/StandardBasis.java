package yardstick.ratings.domain;

/** How a standard is judged. */
public enum StandardBasis {
    /** From judgements on a sample of cases: the band of the lowest key question. */
    CASE_BASED,
    /** By the lead inspector from interviews, meetings and evidence. */
    QUALITATIVE
}
