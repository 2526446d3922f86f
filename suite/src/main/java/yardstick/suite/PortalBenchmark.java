package yardstick.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A load client for the portal's HTTP API on the running suite: the listing of published reports
 * (the page a portal's front page asks for), a published report's HTML and its PDF, each under
 * concurrent callers for calls per second and p50 / p99. Bounded in time; loopback only.
 */
final class PortalBenchmark {

    private PortalBenchmark() {
    }

    static int run(String portal, Duration warmup, Duration measurement, int concurrency) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String listing = get(http, portal + "/api/v1/reports?page_size=20");
        int at = listing.indexOf("\"id\":\"");
        if (at < 0) {
            System.out.println("nothing is published at " + portal + ": run ./yardstick demo first");
            return 1;
        }
        String id = listing.substring(at + 6, listing.indexOf('"', at + 6));
        System.out.printf("portal at %s: %d concurrent callers, %d s warm-up, %d s per call; report %s%n", portal, concurrency,
                warmup.toSeconds(), measurement.toSeconds(), id);
        for (String[] call : new String[][] {
            {"GET /api/v1/reports", portal + "/api/v1/reports?page_size=20"},
            {"GET /api/v1/reports/{id}/html", portal + "/api/v1/reports/" + id + "/html"},
            {"GET /api/v1/reports/{id}/pdf", portal + "/api/v1/reports/" + id + "/pdf"}}) {
            RatingsBenchmark.measure(call[0], () -> get(http, call[1]), concurrency, warmup);
            System.out.println(RatingsBenchmark.measure(call[0], () -> get(http, call[1]), concurrency, measurement));
        }
        return 0;
    }

    private static String get(HttpClient http, String uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
