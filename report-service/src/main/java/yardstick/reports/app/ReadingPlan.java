package yardstick.reports.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.reports.plans.PlanChange;
import yardstick.reports.store.PlanStore;
import yardstick.reports.store.PublicationStore;

/**
 * Reading a plan and its history: by its own service and the inspectorate's staff, and on the
 * portal once it is submitted and its report is public. Days are judged in Europe/London on the
 * injected clock.
 */
@Singleton
public class ReadingPlan {

    private static final ZoneId INSPECTORATE_ZONE = ZoneId.of("Europe/London");

    private final PlanStore plans;
    private final PublicationStore publications;
    private final Clock clock;

    private final PublishedReports reports;

    ReadingPlan(PlanStore plans, PublicationStore publications, Clock clock, PublishedReports reports) {
        this.reports = reports;
        this.plans = plans;
        this.publications = publications;
        this.clock = clock;
    }

    /** The day progress and overdue are judged on. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(INSPECTORATE_ZONE));
    }

    /** The plan as it stands, whoever asks: for checking a change against it before the change is made. */
    @Transactional(readOnly = true)
    public StoredPlan read(UUID id) {
        return StoredPlan.of(plans.find(id).orElseThrow(() -> new Refused.NotFound(PlanMessages.PREFIX + id)));
    }

    /** The plan, if the caller may see it: an inspected service sees only its own. */
    public StoredPlan own(Caller caller, UUID id) {
        StoredPlan stored = read(id);
        publications.find(stored.row().publication()).ifPresentOrElse(p -> InspectedServiceAccess.requireOwn(caller, p, reports),
                () -> InspectedServiceAccess.requireOwn(caller, ""));
        return stored;
    }

    /** The plan's history, oldest first, if the caller may see the plan. */
    public List<PlanChange> history(Caller caller, UUID id) {
        own(caller, id);
        return timeline(id);
    }

    /** The history as the renditions show it. */
    @Transactional(readOnly = true)
    public List<PlanChange> timeline(UUID id) {
        plans.find(id).orElseThrow(() -> new Refused.NotFound(PlanMessages.PREFIX + id));
        return plans.events(id);
    }

    /** The submitted plan answering the publication, while the publication is public: what the portal shows beside the report. */
    @Transactional(readOnly = true)
    public Optional<StoredPlan> submittedAnswerTo(UUID publication) {
        return publications.find(publication).filter(p -> p.visibleAt(clock.instant()))
                .flatMap(p -> plans.submittedOf(p.id()))
                .map(StoredPlan::of);
    }
}
