package yardstick.ratings.domain;

/** The classification scale for risk of serious harm and for safety and wellbeing. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH
}
