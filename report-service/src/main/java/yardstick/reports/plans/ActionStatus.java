package yardstick.reports.plans;

/** Where an action stands. */
public enum ActionStatus {
    NOT_STARTED("not started"),
    IN_PROGRESS("in progress"),
    COMPLETE("complete"),
    DROPPED("dropped");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
