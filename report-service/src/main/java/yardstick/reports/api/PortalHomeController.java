package yardstick.reports.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Instant;
import java.util.List;
import yardstick.reports.domain.PublishedReportsPage;
import yardstick.reports.app.ReadingPublications;
import yardstick.reports.domain.Publication;

/** A page a person can open at {@code http://localhost:8080/}: the published reports, each linked in every format. */
@Controller
public class PortalHomeController {

    private final ReadingPublications publications;

    PortalHomeController(ReadingPublications publications) {
        this.publications = publications;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public String home() {
        Instant now = Instant.now();
        List<Publication> shown = publications.visible(now, "", null, 0, 100);
        java.util.Map<java.util.UUID, java.util.UUID> plansOf = publications.submittedPlansOf(
                shown.stream().map(Publication::id).toList(), now);
        List<PublishedReportsPage.Entry> entries = shown.stream()
                .map(p -> new PublishedReportsPage.Entry(p.serviceInspected(), p.publishTime().toString().substring(0, 10),
                        PortalAddresses.report(p.id()) + "/",
                        java.util.Optional.ofNullable(plansOf.get(p.id())).map(plan -> PortalAddresses.plan(plan) + "/")))
                .toList();
        return PublishedReportsPage.render(entries);
    }
}
