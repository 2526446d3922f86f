package yardstick.reports.api;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import yardstick.platform.grpc.Errors;
import yardstick.reports.plans.Decision;
import yardstick.reports.plans.ImprovementPlan;
import yardstick.reports.plans.PlanState;
import yardstick.reports.plans.Refusal;
import yardstick.reports.store.PlanStore;

/**
 * The use cases on plans, one transaction each: load the plan under its row lock, check the etag,
 * ask the rules, store the plan and its history together. Days are judged in Europe/London on
 * the injected clock.
 */
@Singleton
public class Planning {

    private static final ZoneId INSPECTORATE_ZONE = ZoneId.of("Europe/London");

    private final PlanStore plans;
    private final Clock clock;

    Planning(PlanStore plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** A plan as stored, with its rules' model. */
    public record Stored(ImprovementPlan plan, PlanStore.PlanRow row) {

        yardstick.reports.v1.ImprovementPlan message(LocalDate today) {
            return PlanMessages.message(plan, row, today);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(INSPECTORATE_ZONE));
    }

    @Transactional
    public Stored create(UUID publication, ImprovementPlan plan, String actor) {
        Instant now = now();
        PlanStore.PlanRow row = new PlanStore.PlanRow(UUID.randomUUID(), publication, 1, plan.state().name(), PlanMessages.body(plan),
                now, now, Optional.empty());
        if (!plans.add(row)) {
            throw StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(Code.ALREADY_EXISTS_VALUE)
                    .setMessage("publications/" + publication + " has a plan already: change that one").build());
        }
        plans.addEvents(row.id(), now, actor, List.of(new PlanStore.NewEvent("", "plan created with " + plan.objectives().size()
                + " objectives and " + plan.actions().size() + " actions")));
        return new Stored(plan, row);
    }

    @Transactional(readOnly = true)
    public Stored read(UUID id) {
        PlanStore.PlanRow row = plans.find(id).orElseThrow(() -> Errors.notFound(PlanMessages.PREFIX + id));
        return new Stored(PlanMessages.plan(row.body()), row);
    }

    /**
     * Applies {@code rule} to the plan as it stands, if {@code etag} (when given) is still its etag,
     * and keeps the result with its history; a refusal is FAILED_PRECONDITION naming each reason.
     */
    @Transactional
    public Stored change(UUID id, Optional<String> etag, String actor, Function<ImprovementPlan, Decision> rule) {
        PlanStore.PlanRow row = plans.lock(id).orElseThrow(() -> Errors.notFound(PlanMessages.PREFIX + id));
        if (etag.isPresent() && !etag.get().equals(row.etag())) {
            throw Errors.failedPrecondition(new Errors.Violation("ETAG", PlanMessages.PREFIX + id,
                    "the plan changed since it was read (its etag is now " + row.etag() + "); read it again and reapply the change"));
        }
        ImprovementPlan plan = PlanMessages.plan(row.body());
        Decision decision = rule.apply(plan);
        if (decision instanceof Decision.Refused refused) {
            throw refusedStatus(id, refused.refusals());
        }
        Decision.Accepted accepted = (Decision.Accepted) decision;
        if (accepted.changes().isEmpty()) {
            return new Stored(plan, row);
        }
        Instant now = now();
        boolean submitted = plan.state() == PlanState.DRAFT && accepted.plan().state() == PlanState.SUBMITTED;
        PlanStore.PlanRow changed = new PlanStore.PlanRow(id, row.publication(), row.version() + 1, accepted.plan().state().name(),
                PlanMessages.body(accepted.plan()), row.createTime(), now, submitted ? Optional.of(now) : row.submitTime());
        plans.update(changed);
        plans.addEvents(id, now, actor, accepted.changes().stream()
                .map(c -> new PlanStore.NewEvent(subject(id, c.subject()), c.description())).toList());
        return new Stored(accepted.plan(), changed);
    }

    private static String subject(UUID id, String within) {
        return within.isEmpty() ? PlanMessages.PREFIX + id : PlanMessages.PREFIX + id + "/" + within;
    }

    @Transactional(readOnly = true)
    public List<PlanStore.EventRow> history(UUID id) {
        plans.find(id).orElseThrow(() -> Errors.notFound(PlanMessages.PREFIX + id));
        return plans.events(id);
    }

    /** The history as the renditions show it. */
    public List<yardstick.reports.plans.PlanChange> timeline(UUID id) {
        return history(id).stream().map(e -> new yardstick.reports.plans.PlanChange(e.sequence(), e.eventTime(), e.actor(), e.subject(),
                e.description())).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** FAILED_PRECONDITION with one PreconditionFailure violation per reason, each naming its subject. */
    private static StatusRuntimeException refusedStatus(UUID id, List<Refusal> refusals) {
        PreconditionFailure.Builder details = PreconditionFailure.newBuilder();
        refusals.forEach(r -> details.addViolations(PreconditionFailure.Violation.newBuilder().setType(r.type())
                .setSubject(subject(id, r.subject()))
                .setDescription(r.description())));
        String message = refusals.size() == 1 ? refusals.get(0).description()
                : String.join("; ", refusals.stream().map(Refusal::description).toList());
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(Code.FAILED_PRECONDITION_VALUE)
                .setMessage(message).addDetails(Any.pack(details.build())).build());
    }
}
