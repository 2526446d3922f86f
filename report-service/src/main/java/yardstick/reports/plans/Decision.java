package yardstick.reports.plans;

import java.util.List;

/** What the rules make of a change to a plan: the changed plan and its history, or the reasons it is refused. */
public sealed interface Decision {

    record Accepted(ImprovementPlan plan, List<Change> changes) implements Decision {
    }

    record Refused(List<Refusal> refusals) implements Decision {
    }

    static Decision accepted(ImprovementPlan plan, Change... changes) {
        return new Accepted(plan, List.of(changes));
    }

    static Decision refused(String type, String subject, String description) {
        return new Refused(List.of(new Refusal(type, subject, description)));
    }
}
