package yardstick.reports.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.platform.identity.Role;
import yardstick.reports.plans.Decision;
import yardstick.reports.plans.ImprovementPlan;
import yardstick.reports.plans.PlanOnFile;
import yardstick.reports.plans.PlanState;
import yardstick.reports.store.PlanStore;

/**
 * A change to a plan, by its own service only, in one transaction: load the plan under its row
 * lock, check the etag, ask the rules, store the plan and its history together.
 */
@Singleton
public class ChangingPlan {

    /**
     * The change {@code rule} makes to plan {@code plan} (to its action {@code action}, when given), if
     * {@code etag} (when given) is still the plan's etag.
     */
    public record ChangePlan(UUID plan, Optional<Integer> action, Optional<String> etag, Function<ImprovementPlan, Decision> rule) {
    }

    private final PlanStore plans;
    private final Clock clock;

    private final yardstick.reports.store.PublicationStore publications;

    private final PublishedReports reports;

    ChangingPlan(PlanStore plans, yardstick.reports.store.PublicationStore publications, Clock clock, PublishedReports reports) {
        this.publications = publications;
        this.reports = reports;
        this.plans = plans;
        this.clock = clock;
    }

    /** The plan as changed, with its history; a refusal names each reason. */
    @Transactional
    public StoredPlan change(Caller caller, ChangePlan command) {
        UUID id = command.plan();
        PlanOnFile row = plans.lock(id).orElseThrow(() -> new Refused.NotFound(PlanMessages.PREFIX + id));
        if (command.etag().isPresent() && !command.etag().get().equals(row.etag())) {
            throw new Refused.RulesBroken("ETAG", PlanMessages.PREFIX + id,
                    "the plan changed since it was read (its etag is now " + row.etag() + "); read it again and reapply the change");
        }
        ImprovementPlan plan = PlanMessages.plan(row.body());
        publications.find(row.publication()).ifPresentOrElse(p -> InspectedServiceAccess.requireOwn(caller, p, reports),
                () -> InspectedServiceAccess.requireOwn(caller, ""));
        if (command.action().isPresent() && plan.action(command.action().get()).isEmpty()) {
            throw new Refused.NotFound(PlanMessages.actionName(id, command.action().get()));
        }
        Decision decision = command.rule().apply(plan);
        if (decision instanceof Decision.Refused refused) {
            throw new Refused.RulesBroken(refused.refusals().stream()
                    .map(r -> new Refused.BrokenRule(r.type(), subject(id, r.subject()), r.description())).toList());
        }
        Decision.Accepted accepted = (Decision.Accepted) decision;
        if (accepted.changes().isEmpty()) {
            return new StoredPlan(plan, row);
        }
        Instant now = now(clock);
        boolean submitted = plan.state() == PlanState.DRAFT && accepted.plan().state() == PlanState.SUBMITTED;
        PlanOnFile changed = new PlanOnFile(id, row.publication(), row.version() + 1, accepted.plan().state().name(),
                PlanMessages.body(accepted.plan()), row.createTime(), now, submitted ? Optional.of(now) : row.submitTime());
        plans.update(changed);
        plans.addEvents(id, now, actor(caller, plan.serviceInspected()), accepted.changes().stream()
                .map(c -> new PlanStore.NewEvent(subject(id, c.subject()), c.description())).toList());
        return new StoredPlan(accepted.plan(), changed);
    }

    private static String subject(UUID id, String within) {
        return within.isEmpty() ? PlanMessages.PREFIX + id : PlanMessages.PREFIX + id + "/" + within;
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Who makes a change, as the plan's history records it: the role of the caller's token, in
     * words, with the service an inspected service's people speak for; never a name.
     */
    /** Who made a change, as the plan's history names them: their role, and for an inspected service's people, the service (by its name). */
    static String actor(Caller caller, String serviceName) {
        if (caller.holds(Role.INSPECTED_SERVICE)) {
            return "inspected service" + caller.inspectedService().map(s -> " (" + serviceName + ")").orElse("");
        }
        return caller.roles().stream().sorted().findFirst().map(r -> r.claim().replace('-', ' ')).orElse("unknown role");
    }
}
