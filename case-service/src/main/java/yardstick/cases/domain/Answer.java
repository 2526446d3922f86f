package yardstick.cases.domain;

/** An inspector's answer to a prompt, or judgement on a key question. */
public enum Answer {
    YES,
    NO,
    NOT_APPLICABLE
}
