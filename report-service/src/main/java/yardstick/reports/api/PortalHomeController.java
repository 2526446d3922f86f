package yardstick.reports.api;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import yardstick.reports.app.ReadingPortal;
import yardstick.reports.app.ReportRenditions;

/**
 * The portal's pages for people: the services inspected (filtered by name, region and rating),
 * a service's inspections over time, a report as a page, the national picture and the
 * accessibility statement. Each page answers a conditional GET: its ETag is its content's hash,
 * so an unchanged page is a 304.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PortalHomeController {

    private final ReadingPortal portal;

    PortalHomeController(ReadingPortal portal) {
        this.portal = portal;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> home(@QueryValue @Nullable String name, @QueryValue @Nullable String region, @QueryValue @Nullable String rating,
                                @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        PortalPages.Filter filter = new PortalPages.Filter(bounded(name), bounded(region), bounded(rating));
        return page(PortalPages.services(portal.services(Instant.now()), filter), ifNoneMatch);
    }

    @Get(uri = "/services/{code}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> service(@PathVariable String code, @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        return portal.service(code, Instant.now()).<HttpResponse<?>>map(s -> page(PortalPages.service(s), ifNoneMatch))
                .orElseGet(() -> notFound("No published inspection of this service"));
    }

    @Get(uri = "/reports/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> report(@PathVariable String id, @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        return portal.report(id, Instant.now()).<HttpResponse<?>>map(r -> page(PortalPages.report(r), ifNoneMatch))
                .orElseGet(() -> notFound("No published report here (it may be under embargo)"));
    }

    @Get(uri = "/national-picture", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> nationalPicture(@Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        return page(PortalPages.nationalPicture(portal.nationalPicture(Instant.now())), ifNoneMatch);
    }

    @Get(uri = "/accessibility", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> accessibility(@Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        return page(PortalPages.accessibility(), ifNoneMatch);
    }

    /**
     * The page, or 304 when the caller holds it already. The ETag is weak: the page is made anew
     * each time and equal content is all it promises; a published rendition's is strong.
     */
    static HttpResponse<?> page(String html, @Nullable String ifNoneMatch) {
        String etag = "W/\"" + ReportRenditions.sha256(html.getBytes(StandardCharsets.UTF_8)) + "\"";
        if (ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals(etag) || tag.equals(etag.substring(2)) || tag.equals("*"))) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private static HttpResponse<?> notFound(String what) {
        return HttpResponse.notFound(PortalPages.layout("Page not found", PortalPages.Section.SERVICES,
                "<h1 class=\"govuk-heading-xl\">Page not found</h1>\n<p class=\"govuk-body\">" + what
                        + ". <a class=\"govuk-link\" href=\"/\">Every service inspected</a>.</p>\n")).contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** A filter's value, at most 100 characters of it; none is empty. */
    private static String bounded(@Nullable String value) {
        return value == null ? "" : value.length() > 100 ? value.substring(0, 100) : value;
    }
}
