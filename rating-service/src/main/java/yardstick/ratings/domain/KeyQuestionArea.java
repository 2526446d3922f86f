package yardstick.ratings.domain;

/** What a case-based key question examines. */
public enum KeyQuestionArea {
    DESISTANCE,
    KEEPING_THE_CHILD_SAFE,
    KEEPING_OTHER_PEOPLE_SAFE,
    OTHER
}
