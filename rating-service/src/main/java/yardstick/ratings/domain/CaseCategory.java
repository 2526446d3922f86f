package yardstick.ratings.domain;

/** The cases a case-based standard is judged on. */
public enum CaseCategory {
    COURT,
    OUT_OF_COURT,
    RESETTLEMENT
}
