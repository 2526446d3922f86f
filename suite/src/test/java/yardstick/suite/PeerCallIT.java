package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import yardstick.cases.peers.RatingServiceClient;
import yardstick.platform.peers.Peer;
import yardstick.ratings.v1.Framework;

/**
 * case-service's client of rating-service against a real rating-service process over loopback:
 * an answer within the deadline when it is up; UNAVAILABLE naming it, within the deadline,
 * when it hangs or is stopped.
 */
class PeerCallIT {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Room for the JVM and the operating system beyond the deadline itself. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private Path data;
    private ServiceProcess ratingService;
    private Peer peer;

    @AfterEach
    void cleanUp() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (ratingService != null && ratingService.isAlive()) {
            ProcessTestSupport.signal("CONT", String.valueOf(ratingService.pid()));
            ratingService.stop(Duration.ofSeconds(30));
        }
        if (data != null) {
            ProcessTestSupport.killEverythingMentioning(data.toString());
        }
    }

    @Test
    void caseServiceGetsTheFrameworkFromRatingServiceAndHearsUnavailableNamingItWhenItHangsOrStops() throws Exception {
        data = ProcessTestSupport.freshDataDirectory("peers");
        Map<String, String> environment = ProcessTestSupport.environment(data);
        ratingService = ServiceProcess.start(ProcessTestSupport.root(), Service.RATINGS, environment, List.of("-Xmx256m"), line -> { });
        assertTrue(ratingService.awaitServing(Duration.ofMinutes(2)));
        peer = new Peer("rating-service", environment.get("RATING_SERVICE_ADDRESS"), DEADLINE);
        RatingServiceClient client = new RatingServiceClient(peer);

        Framework harrow = client.framework("frameworks/youth-2021").orElseThrow();
        assertEquals("frameworks/youth-2021", harrow.getName());
        assertTrue(client.framework("frameworks/youth-1999").isEmpty(), "an unknown framework is absent, not an error");

        // A neighbour that accepts the call but never answers.
        ProcessTestSupport.signal("STOP", String.valueOf(ratingService.pid()));
        assertUnavailableNamingRatingServiceWithinTheDeadline(client);
        ProcessTestSupport.signal("CONT", String.valueOf(ratingService.pid()));
        assertEquals("frameworks/youth-2021", client.framework("frameworks/youth-2021").orElseThrow().getName(),
                "answers again once it is back");

        // A neighbour that is not there at all.
        ratingService.stop(Duration.ofSeconds(30));
        assertUnavailableNamingRatingServiceWithinTheDeadline(client);
    }

    private static void assertUnavailableNamingRatingServiceWithinTheDeadline(RatingServiceClient client) {
        long start = System.nanoTime();
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> client.framework("frameworks/youth-2021"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Status.Code.UNAVAILABLE, error.getStatus().getCode());
        assertTrue(error.getStatus().getDescription().startsWith("rating-service"), error.getStatus().getDescription());
        assertTrue(took.compareTo(DEADLINE.plus(SLACK)) < 0, "answered after " + took.toMillis() + " ms, deadline " + DEADLINE.toMillis() + " ms");
    }
}
