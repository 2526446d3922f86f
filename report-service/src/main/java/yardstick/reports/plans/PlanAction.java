package yardstick.reports.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An action of a plan: what the service wrote of it, where it stands, and the evidence of its progress. */
public record PlanAction(int id, ActionContent content, ActionStatus status, String droppedReason, List<Evidence> evidence) {

    public PlanAction {
        evidence = List.copyOf(evidence);
    }

    public static PlanAction fresh(int id, ActionContent content) {
        return new PlanAction(id, content, ActionStatus.NOT_STARTED, "", List.of());
    }

    /**
     * Overdue: past its due date (the end of the month, for a month-only date) on {@code today},
     * and neither complete nor dropped. Derived on every read, never stored.
     */
    public boolean overdueOn(LocalDate today) {
        return content.due().isPresent() && today.isAfter(content.due().get().lastDay())
                && status != ActionStatus.COMPLETE && status != ActionStatus.DROPPED;
    }

    /** Whether it counts towards answering its recommendations: a dropped action answers nothing. */
    public boolean answers(int recommendation) {
        return status != ActionStatus.DROPPED && content.recommendations().contains(recommendation);
    }

    /** The name the history and messages use for it: "action 1.1", or "action 7" without a reference. */
    public String label() {
        return content.reference().isEmpty() ? "action #" + id : "action " + content.reference();
    }

    PlanAction with(ActionContent changed) {
        return new PlanAction(id, changed, status, droppedReason, evidence);
    }

    PlanAction moved(ActionStatus to, String reason) {
        return new PlanAction(id, content, to, to == ActionStatus.DROPPED ? reason : "", evidence);
    }

    PlanAction withEvidence(Evidence added) {
        List<Evidence> all = new ArrayList<>(evidence);
        all.add(added);
        return new PlanAction(id, content, status, droppedReason, all);
    }
}
