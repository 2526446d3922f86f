package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import yardstick.platform.identity.Role;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.TestIdentity;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;

/**
 * Every HTTP route the portal serves, read from the router (so a new route is walked too), against
 * no token and every role, printing the matrix: published material answers everyone alike, and a
 * path off the public ones needs a token (401 with a Bearer challenge without one).
 */
@MicronautTest(transactional = false)
class PortalRouteAccessTest extends GrpcServiceTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Inject
    ReportStore reports;

    @Inject
    PublicationStore publications;

    private int status(String path, Optional<String> token) {
        HttpRequest<?> request = HttpRequest.GET(path);
        token.ifPresent(t -> ((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(t));
        try {
            return http.toBlocking().exchange(request, byte[].class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void everyRouteAnswersNoTokenAndEveryRoleAlikeAndAreAllPublic() {
        String publication = PublishedReports.publish(reports, publications, "A Youth Justice Service", PublishedReports.numbered(1),
                Optional.empty());
        String id = publication.substring("publications/".length());
        Map<String, String> matrix = new TreeMap<>();
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            if (route.getHttpMethod() != HttpMethod.GET) {
                continue;
            }
            String template = route.getUriMatchTemplate().toString();
            String path = template.replace("{id}", id).replace("{format}", "html").replaceAll("\\{[^}]*}", "x");
            assertTrue(PortalAccessFilter.isPublic(path), template + " is a public path, or the filter must say who may read it");
            int anonymous = status(path, Optional.empty());
            assertFalse(anonymous == 401 || anonymous == 403, template + " without a token: " + anonymous);
            StringBuilder row = new StringBuilder(String.format("%-5d", anonymous));
            for (Role role : Role.values()) {
                int answered = status(path, Optional.of(TestIdentity.token("http-" + role.claim(), role)));
                assertEquals(anonymous, answered, template + " as " + role.claim() + " answers as it does without a token");
                row.append(String.format(" %-5d", answered));
            }
            matrix.put("GET " + template, row.toString());
        }
        assertTrue(matrix.keySet().stream().anyMatch(r -> r.contains("/api/v1/reports")), "the portal's routes were walked: " + matrix);
        StringBuilder printed = new StringBuilder("\nHTTP routes checked (status with no token, then each role):\n");
        matrix.forEach((route, row) -> printed.append(String.format("%-55s %s%n", route, row)));
        System.out.println(printed);
    }

    @Test
    void aPathOffThePublicOnesNeedsAToken() {
        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/internal/drafts")));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        assertTrue(refused.getResponse().getHeaders().get("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(401, status("/internal/drafts", Optional.of("not.a.token")));
        assertEquals(404, status("/internal/drafts", Optional.of(TestIdentity.token("http-publisher", Role.PUBLISHER))),
                "past the door with a valid token, to a route that does not exist");
    }
}
