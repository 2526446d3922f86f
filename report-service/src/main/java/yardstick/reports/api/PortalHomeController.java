package yardstick.reports.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Instant;
import java.util.List;
import yardstick.reports.domain.PublishedReportsPage;
import yardstick.reports.store.PlanStore;
import yardstick.reports.store.PublicationStore;

/** A page a person can open at {@code http://localhost:8080/}: the published reports, each linked in every format. */
@Controller
public class PortalHomeController {

    private final PublicationStore publications;
    private final PlanStore plans;

    PortalHomeController(PublicationStore publications, PlanStore plans) {
        this.publications = publications;
        this.plans = plans;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public String home() {
        Instant now = Instant.now();
        List<PublicationStore.PublicationRow> shown = publications.visible(now, "", null, 0, 100);
        java.util.Map<java.util.UUID, java.util.UUID> plansOf = plans.submittedPlansOf(
                shown.stream().map(PublicationStore.PublicationRow::id).toList(), now);
        List<PublishedReportsPage.Entry> entries = shown.stream()
                .map(p -> new PublishedReportsPage.Entry(p.serviceInspected(), p.publishTime().toString().substring(0, 10),
                        PortalAddresses.report(p.id()) + "/",
                        java.util.Optional.ofNullable(plansOf.get(p.id())).map(plan -> PortalAddresses.plan(plan) + "/")))
                .toList();
        return PublishedReportsPage.render(entries);
    }
}
