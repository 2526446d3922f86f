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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import yardstick.platform.database.DatabaseServer;
import yardstick.platform.database.EmbeddedDatabase;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.reports.app.ReportRenditions;
import yardstick.reports.domain.PublishedRendition;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.Report;

/**
 * The portal while its database is down answers 503 with Retry-After, which clients retry, not a
 * fault's 500, and serves again once it is back; a download it has served once it keeps serving,
 * since a publication never changes.
 */
@MicronautTest(transactional = false)
class PortalWhileTheDatabaseIsDownTest extends GrpcServiceTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DatabaseServer databases;

    @Inject
    ReportStore reports;

    @Inject
    PublicationStore publications;

    @Test
    void aDownloadServedOnceIsServedTheSameWhileTheDatabaseIsDown() {
        UUID report = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Report body = Report.newBuilder().setName("reports/" + report).setInspection("inspections/" + UUID.randomUUID())
                .setServiceInspected("Kent Youth Justice Service").build();
        reports.add(report, body.getInspection(), body.toByteArray(), "HMI-0001", now);
        byte[] html = "<!DOCTYPE html><html lang=\"en\"><title>Kent</title></html>".getBytes(StandardCharsets.UTF_8);
        publications.add(new PublicationStore.PublicationRow(id, report, 1, body.getInspection(), body.getServiceInspected(), now,
                Optional.empty(), Optional.empty(), "", body.toByteArray(), now),
                List.of(new PublishedRendition("HTML", "text/html; charset=utf-8", ReportRenditions.sha256(html), html)), "publisher-1");
        HttpResponse<String> served = http.toBlocking().exchange("/api/v1/reports/" + id + "/html", String.class);
        assertEquals(HttpStatus.OK, served.getStatus());
        EmbeddedDatabase database = databases.embedded().orElseThrow();
        database.stop();
        try {
            HttpResponse<String> again = http.toBlocking().exchange("/api/v1/reports/" + id + "/html", String.class);
            assertEquals(HttpStatus.OK, again.getStatus());
            assertEquals(served.body(), again.body());
            assertEquals(served.header("ETag"), again.header("ETag"));
            HttpClientResponseException listing = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange("/api/v1/reports", String.class));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, listing.getStatus(), "what can change is still read from the database");
        } finally {
            database.start();
        }
    }

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
