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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import yardstick.platform.app.Bounds;
import yardstick.platform.app.PageTokens;
import yardstick.platform.app.Refused;
import yardstick.reports.app.ReadingPortal;
import yardstick.reports.app.ReadingPublications;
import yardstick.reports.app.ReportRenditions;
import yardstick.reports.domain.Publication;
import yardstick.reports.domain.PublishedOutcome;
import yardstick.reports.domain.PublishedRendition;
import yardstick.reports.v1.Report;

/**
 * The inspectorate portal's HTTP face, {@code /api/v1}: published reports (never drafts, never
 * before their embargo), each rendition with its content type and an ETag that is its SHA-256,
 * and the ratings of every published inspection as open data. Answers without the neighbours.
 */
// Every action reads the database: off the event loop, whose few threads serve every connection.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1")
public class PortalController {

    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 100;

    private final ReadingPublications publications;
    private final ReadingPortal portal;

    PortalController(ReadingPublications publications, ReadingPortal portal) {
        this.publications = publications;
        this.portal = portal;
    }

    @Serdeable
    public record PublishedReport(String id, String inspection, String serviceInspected, String publishTime, int version,
                                  @Nullable String corrects, @Nullable String correctionNote, @Nullable String correctedBy,
                                  Map<String, String> renditions, @Nullable String improvementPlan) {
    }

    @Serdeable
    public record ReportPage(List<PublishedReport> reports, String nextPageToken) {
    }

    @Serdeable
    public record RatingRow(String publication, String inspection, String serviceInspected, int year, String standard, String name,
                            String rating, int score, String overall) {
    }

    @Get(uri = "/reports", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> reports(@QueryValue @Nullable String service, @QueryValue @Nullable Integer year,
                                   @QueryValue("page_size") @Nullable Integer pageSize, @QueryValue("page_token") @Nullable String pageToken) {
        int size;
        int offset;
        try {
            Bounds.check().text("service", service == null ? "" : service, Bounds.NAME_LENGTH).refuse();
            size = Bounds.pageSize(pageSize == null ? 0 : pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
            offset = PageTokens.intOffset(pageToken);
        } catch (Refused.BadRequest bad) {
            return PortalProblems.badRequest(bad);
        }
        List<Publication> rows = publications.visible(Instant.now(), service == null ? "" : service, year, offset, size + 1);
        List<Publication> shown = rows.stream().limit(size).toList();
        Map<UUID, UUID> plansOf = publications.submittedPlansOf(shown.stream().map(Publication::id).toList(), Instant.now());
        List<PublishedReport> page = shown.stream().map(p -> published(p, Optional.empty(),
                Optional.ofNullable(plansOf.get(p.id())).map(PortalAddresses::plan))).toList();
        return HttpResponse.ok(new ReportPage(page, rows.size() > size ? PageTokens.ofOffset((long) offset + size) : ""));
    }

    @Get(uri = "/reports/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> report(@PathVariable String id) {
        return visible(id).<HttpResponse<?>>map(p -> HttpResponse.ok(published(p, publications.correctionOf(p.id(), Instant.now()), plan(p))))
                .orElseGet(PortalController::notFound);
    }

    @Get(uri = "/reports/{id}/{format}")
    public HttpResponse<?> rendition(@PathVariable String id, @PathVariable String format,
                                     @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        String stored = PortalAddresses.format(format).map(ReportRenditions::stored).orElse(null);
        Optional<Publication> publication = visible(id);
        if (stored == null || publication.isEmpty()) {
            return notFound();
        }
        PublishedRendition rendition = publications.rendition(publication.get().id(), stored).orElse(null);
        if (rendition == null) {
            return notFound();
        }
        String etag = "\"" + rendition.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag);
        }
        // A published rendition never changes: a correction is a new publication with its own address.
        return HttpResponse.ok(rendition.content())
                .contentType(rendition.contentType())
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
    }

    @Get(uri = "/ratings.json", produces = MediaType.APPLICATION_JSON)
    public List<RatingRow> ratingsJson() {
        return ratingRows();
    }

    @Get(uri = "/ratings.csv", produces = "text/csv")
    public String ratingsCsv() {
        StringBuilder csv = new StringBuilder("publication,inspection,service_inspected,year,standard,name,rating,score,overall\n");
        for (RatingRow row : ratingRows()) {
            csv.append(String.join(",", row.publication(), row.inspection(), quote(row.serviceInspected()), String.valueOf(row.year()),
                    row.standard(), quote(row.name()), row.rating(), String.valueOf(row.score()), row.overall())).append('\n');
        }
        return csv.toString();
    }

    /** The schema of a report's JSON rendition, made from the contract. */
    @Get(uri = "/schemas/report.schema.json", produces = "application/schema+json")
    public String reportSchema() {
        return REPORT_SCHEMA;
    }

    private static final String REPORT_SCHEMA = JsonSchemas.of(Report.getDescriptor(), "/api/v1/schemas/report.schema.json");

    @Get(uri = "/openapi.yaml", produces = "application/yaml")
    public String openApi() {
        try (InputStream in = PortalController.class.getResourceAsStream("/openapi/portal.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<RatingRow> ratingRows() {
        List<RatingRow> rows = new ArrayList<>();
        for (PublishedOutcome outcome : portal.outcomes(Instant.now())) {
            for (PublishedOutcome.StandardOutcome standard : outcome.standards()) {
                rows.add(new RatingRow("publications/" + outcome.publication(), outcome.inspection(), outcome.nameAtPublication(),
                        outcome.year(), standard.standard(), standard.name(), standard.rating(), outcome.score(), outcome.overall()));
            }
        }
        return rows;
    }

    private Optional<Publication> visible(String id) {
        return publications.visible(id, Instant.now());
    }

    /** Where the service's submitted improvement plan in answer to the report is, if it has submitted one. */
    private Optional<String> plan(Publication row) {
        return Optional.ofNullable(publications.submittedPlansOf(List.of(row.id()), Instant.now()).get(row.id())).map(PortalAddresses::plan);
    }

    /** A publication as the portal lists it: a correction says what it corrects and why; a corrected one names its correction. */
    private static PublishedReport published(Publication row, Optional<Publication> correctedBy,
                                             Optional<String> plan) {
        String base = PortalAddresses.report(row.id()) + "/";
        return new PublishedReport(row.id().toString(), row.inspection(), row.serviceInspected(), row.publishTime().toString(),
                row.reportVersion(), row.corrects().map(UUID::toString).orElse(null),
                row.correctionNote().isEmpty() ? null : row.correctionNote(), correctedBy.map(c -> c.id().toString()).orElse(null),
                PortalAddresses.renditions(base), plan.orElse(null));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static HttpResponse<?> notFound() {
        return HttpResponse.notFound(Map.of("error", "no published report here (it may be under embargo)"));
    }
}
