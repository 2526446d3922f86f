package yardstick.cases.domain;

/** The scale of the risk of serious harm and the safety and wellbeing classifications. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH
}
