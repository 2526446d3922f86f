package yardstick.reports.api;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import yardstick.reports.plans.Progress;
import yardstick.reports.app.PlanMessages;
import yardstick.reports.app.ReadingPlan;
import yardstick.reports.app.StoredPlan;
import yardstick.reports.v1.RenderPlanResponse;
import yardstick.reports.v1.ReportFormat;

/**
 * The improvement plan beside its published report on the portal, {@code /api/v1/reports/{id}/plan}:
 * only once the plan is submitted (drafts are not public) and only while the report itself is
 * visible (not under embargo). Renditions are made on each request, as progress moves; each has
 * an ETag that is its SHA-256, so a reader can revalidate cheaply. Owners appear as roles only.
 */
// Every action reads the database: off the event loop, whose few threads serve every connection.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/reports/{id}/plan")
public class PlanPortalController {

    private final ReadingPlan reading;

    PlanPortalController(ReadingPlan reading) {
        this.reading = reading;
    }

    @Serdeable
    public record ProgressSummary(int complete, int total, int overdue, int dropped) {

        static ProgressSummary of(Progress progress) {
            return new ProgressSummary(progress.complete(), progress.total(), progress.overdue(), progress.dropped());
        }
    }

    @Serdeable
    public record RecommendationSummary(int number, String text, ProgressSummary progress) {
    }

    @Serdeable
    public record ObjectiveSummary(int number, String title, List<Integer> recommendations, ProgressSummary progress) {
    }

    @Serdeable
    public record PublishedPlan(String plan, String publication, String title, String serviceInspected, String submitTime,
                                String progressDate, List<RecommendationSummary> recommendations, List<ObjectiveSummary> objectives,
                                Map<String, String> renditions) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> plan(@PathVariable String id) {
        Optional<StoredPlan> found = submittedPlan(id);
        if (found.isEmpty()) {
            return notFound();
        }
        StoredPlan stored = found.get();
        LocalDate today = reading.today();
        String base = PortalAddresses.plan(stored.row().publication()) + "/";
        return HttpResponse.ok(new PublishedPlan(PlanMessages.PREFIX + stored.row().id(), stored.plan().publication(), stored.plan().title(),
                stored.plan().serviceInspected(), stored.row().submitTime().map(Object::toString).orElse(""), today.toString(),
                stored.plan().recommendations().stream().map(r -> new RecommendationSummary(r.number(), r.text(),
                        ProgressSummary.of(Progress.ofRecommendation(stored.plan(), r.number(), today)))).toList(),
                stored.plan().objectives().stream().map(o -> new ObjectiveSummary(o.number(), o.title(), o.recommendations(),
                        ProgressSummary.of(Progress.ofObjective(o, today)))).toList(),
                PortalAddresses.renditions(base)));
    }

    @Get("/{format}")
    public HttpResponse<?> rendition(@PathVariable String id, @PathVariable String format,
                                     @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        ReportFormat wanted = PortalAddresses.format(format).orElse(null);
        Optional<StoredPlan> found = submittedPlan(id);
        if (wanted == null || found.isEmpty()) {
            return notFound();
        }
        // The plan's version and the day decide what a rendition shows (progress and overdue are judged on the day), so they
        // make the ETag: a reader revalidates without the plan being rendered again, and a PDF's creation stamp does not matter.
        LocalDate today = reading.today();
        String etag = "W/\"" + found.get().row().id() + "-" + found.get().row().version() + "-" + today + "-" + format.toLowerCase(Locale.ROOT) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag);
        }
        RenderPlanResponse rendition = ImprovementPlanEndpoint.rendition(found.get(), wanted, today, reading.timeline(found.get().row().id()));
        // Progress moves and overdue is judged on the day: readers revalidate rather than keep a copy.
        return HttpResponse.ok(rendition.getContent().toByteArray())
                .contentType(rendition.getContentType())
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "public, no-cache");
    }

    private Optional<StoredPlan> submittedPlan(String publicationId) {
        UUID id;
        try {
            id = UUID.fromString(publicationId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return reading.submittedAnswerTo(id);
    }

    private static HttpResponse<?> notFound() {
        return HttpResponse.notFound(Map.of("error", "no submitted improvement plan here (the report may be under embargo, or its plan not yet submitted)"));
    }
}
