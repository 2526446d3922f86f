package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import yardstick.platform.database.DatabaseServer;
import yardstick.platform.database.EmbeddedDatabase;
import yardstick.platform.testing.GrpcServiceTest;

/** The portal while its database is down answers 503 with Retry-After, which clients retry, not a fault's 500; and serves again once it is back. */
@MicronautTest(transactional = false)
class PortalWhileTheDatabaseIsDownTest extends GrpcServiceTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DatabaseServer databases;

    @Test
    void aReadWhileTheDatabaseIsDownIsServiceUnavailableAndAnsweredOnceItIsBack() throws Exception {
        assertEquals(HttpStatus.OK, http.toBlocking().exchange("/api/v1/reports", String.class).getStatus());
        EmbeddedDatabase database = databases.embedded().orElseThrow();
        database.stop();
        try {
            HttpClientResponseException down = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange("/api/v1/reports", String.class));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, down.getStatus(), down.getResponse().getBody(String.class).orElse(""));
            assertEquals("1", down.getResponse().header("Retry-After"));
            assertTrue(down.getResponse().getContentType().map(t -> t.toString().startsWith(PortalProblems.PROBLEM_JSON)).orElse(false));
        } finally {
            database.start();
        }
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        HttpStatus again = null;
        while (again != HttpStatus.OK && Instant.now().isBefore(giveUp)) {
            try {
                again = http.toBlocking().exchange("/api/v1/reports", String.class).getStatus();
            } catch (HttpClientResponseException e) {
                again = e.getStatus();
                Thread.sleep(200);
            }
        }
        assertEquals(HttpStatus.OK, again, "answered again once the database is back");
    }
}
