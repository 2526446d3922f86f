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
        List<PublishedReportsPage.Entry> entries = publications.visible(Instant.now(), "", null, 0, 100).stream()
                .map(p -> new PublishedReportsPage.Entry(p.serviceInspected(), p.publishTime().toString().substring(0, 10),
                        "/api/v1/reports/" + p.id() + "/",
                        plans.submittedForReportOf(p.id(), Instant.now()).map(plan -> "/api/v1/reports/" + plan.publication() + "/plan/")))
                .toList();
        return PublishedReportsPage.render(entries);
    }
}
