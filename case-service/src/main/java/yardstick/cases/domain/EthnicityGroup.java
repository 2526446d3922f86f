package yardstick.cases.domain;

/** The groups the youth justice statistics report caseloads by. */
public enum EthnicityGroup {
    ASIAN,
    BLACK,
    MIXED,
    WHITE,
    OTHER,
    NOT_KNOWN
}
