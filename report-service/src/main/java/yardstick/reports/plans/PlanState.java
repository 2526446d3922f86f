package yardstick.reports.plans;

/** A plan is a draft, public to no one, until it is submitted. */
public enum PlanState {
    DRAFT,
    SUBMITTED
}
