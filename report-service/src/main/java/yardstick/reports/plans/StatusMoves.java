package yardstick.reports.plans;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which status an action may move to, and what each move needs: complete needs at least one
 * piece of evidence, dropped needs a reason. A complete action may be reopened (in progress) when
 * its evidence does not hold; a dropped one may be taken up again (in progress).
 */
public final class StatusMoves {

    private static final Map<ActionStatus, Set<ActionStatus>> ALLOWED = Map.of(
            ActionStatus.NOT_STARTED, Set.of(ActionStatus.IN_PROGRESS, ActionStatus.COMPLETE, ActionStatus.DROPPED),
            ActionStatus.IN_PROGRESS, Set.of(ActionStatus.COMPLETE, ActionStatus.DROPPED),
            ActionStatus.COMPLETE, Set.of(ActionStatus.IN_PROGRESS),
            ActionStatus.DROPPED, Set.of(ActionStatus.IN_PROGRESS));

    private StatusMoves() {
    }

    /** Why {@code action} may not move to {@code to} with {@code reason}; empty when it may. */
    public static Optional<String> refusal(PlanAction action, ActionStatus to, String reason) {
        if (action.status() == to) {
            return Optional.of(action.label() + " is already " + to.label());
        }
        if (!ALLOWED.get(action.status()).contains(to)) {
            return Optional.of(action.label() + " cannot move from " + action.status().label() + " to " + to.label()
                    + "; from " + action.status().label() + " it may move to "
                    + String.join(" or ", ALLOWED.get(action.status()).stream().map(ActionStatus::label).sorted().toList()));
        }
        if (to == ActionStatus.COMPLETE && action.evidence().isEmpty()) {
            return Optional.of(action.label() + " cannot be complete without evidence: add evidence first");
        }
        if (to == ActionStatus.DROPPED && reason.isBlank()) {
            return Optional.of(action.label() + " cannot be dropped without a reason");
        }
        return Optional.empty();
    }
}
