package yardstick.reports.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Instant;
import java.util.List;
import yardstick.reports.domain.PublishedReportsPage;
import yardstick.reports.store.PublicationStore;

/** A page a person can open at {@code http://localhost:8080/}: the published reports, each linked in every format. */
@Controller
public class PortalHomeController {

    private final PublicationStore publications;

    PortalHomeController(PublicationStore publications) {
        this.publications = publications;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public String home() {
        List<PublishedReportsPage.Entry> entries = publications.visible(Instant.now(), "", null, 0, 100).stream()
                .map(p -> new PublishedReportsPage.Entry(p.serviceInspected(), p.publishTime().toString().substring(0, 10),
                        "/api/v1/reports/" + p.id() + "/"))
                .toList();
        return PublishedReportsPage.render(entries);
    }
}
