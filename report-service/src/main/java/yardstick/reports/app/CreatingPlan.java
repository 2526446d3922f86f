package yardstick.reports.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.reports.domain.Publication;
import yardstick.reports.plans.ImprovementPlan;
import yardstick.reports.plans.PlanOnFile;
import yardstick.reports.store.PlanStore;
import yardstick.reports.store.PublicationStore;

/** A service's improvement plan in answer to its published report: one per publication, by the service itself. */
@Singleton
public class CreatingPlan {

    /** The draft plan, drawn up against the recommendations of {@code publication}. */
    public record CreatePlan(Publication publication, ImprovementPlan plan) {
    }

    private final PlanStore plans;
    private final PublicationStore publications;
    private final Clock clock;
    private final PublishedReports reports;

    CreatingPlan(PlanStore plans, PublicationStore publications, Clock clock, PublishedReports reports) {
        this.plans = plans;
        this.publications = publications;
        this.clock = clock;
        this.reports = reports;
    }

    /** The publication the plan answers, whose recommendations it must address. */
    public Optional<Publication> publication(UUID id) {
        return publications.find(id);
    }

    /** The recommendations of the report the publication froze, which the plan must answer. */
    public List<yardstick.reports.v1.Recommendation> recommendations(Publication publication) {
        return reports.of(publication).getRecommendationsList();
    }

    @Transactional
    public StoredPlan create(Caller caller, CreatePlan command) {
        InspectedServiceAccess.requireOwn(caller, command.publication(), reports);
        ImprovementPlan plan = command.plan();
        Instant now = ChangingPlan.now(clock);
        UUID publication = command.publication().id();
        PlanOnFile row = new PlanOnFile(UUID.randomUUID(), publication, 1, plan.state().name(), PlanMessages.body(plan), now, now,
                Optional.empty());
        if (!plans.add(row)) {
            throw new Refused.AlreadyExists(ReportNames.PUBLICATIONS + publication + " has a plan already: change that one");
        }
        plans.addEvents(row.id(), now, ChangingPlan.actor(caller, plan.serviceInspected()), List.of(new PlanStore.NewEvent("", "plan created with "
                + plan.objectives().size() + " objectives and " + plan.actions().size() + " actions")));
        return new StoredPlan(plan, row);
    }
}
