package yardstick.cases.domain;

public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    NOT_KNOWN
}
