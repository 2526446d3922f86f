package yardstick.reports.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import yardstick.platform.identity.TokenVerifier;

/**
 * The portal's door. What is published and not under embargo is public (the pages for people: the
 * services inspected, a service's page, a report's page, the national picture, the accessibility
 * statement and their stylesheets; the
 * {@code /api/v1} reports, renditions, plans, open data, schema and OpenAPI document, each route
 * answering 404 for anything not yet public), and so is health; every other path needs a valid
 * bearer token, or is 401 with RFC 6750's challenge.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PortalAccessFilter {

    static final String CHALLENGE = "Bearer realm=\"yardstick\"";

    private final TokenVerifier verifier;

    PortalAccessFilter(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The portal's pages for people, and the stylesheets they use. */
    private static final java.util.List<String> PAGES = java.util.List.of("/services/", "/reports/", "/assets/");

    static boolean isPublic(String path) {
        return path.equals("/") || path.equals("/health") || path.startsWith("/health/") || path.startsWith("/api/v1/")
                || path.equals("/api/v1") || path.equals("/national-picture") || path.equals("/accessibility")
                || PAGES.stream().anyMatch(path::startsWith);
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> requireATokenOffThePublicPaths(HttpRequest<?> request) {
        if (isPublic(request.getPath())) {
            return null;
        }
        String authorization = request.getHeaders().getAuthorization().orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        try {
            verifier.verify(authorization.substring(7).trim());
            return null;
        } catch (TokenVerifier.InvalidToken e) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
        }
    }
}
