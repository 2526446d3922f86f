package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import yardstick.cases.peers.RatingServiceClient;
import yardstick.platform.identity.IdentitySettings;
import yardstick.platform.identity.ServiceCredentials;
import yardstick.platform.peers.Peer;
import yardstick.platform.testing.TestIdentity;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.ListFrameworksRequest;

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
        ServiceCredentials identity = caseServiceIdentity();
        signInBeforeTheDeadlinesCount(environment.get("RATING_SERVICE_ADDRESS"), identity);
        peer = new Peer("rating-service", environment.get("RATING_SERVICE_ADDRESS"), DEADLINE, identity);
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

    /** case-service's own identity, by client credentials at the tests' provider, as the service signs in. */
    private static ServiceCredentials caseServiceIdentity() {
        IdentitySettings settings = new IdentitySettings();
        settings.setIssuer(TestIdentity.provider().issuer());
        settings.setTokenUrl(TestIdentity.provider().tokenUrl());
        settings.setClientId("case-service");
        settings.setClientSecret("local");
        return new ServiceCredentials(settings, Clock.systemUTC());
    }

    /**
     * The first sign-in (case-service's token, minted with the provider's new key) and the neighbour's first check of a
     * token (fetching the provider's key set) are each done once, not on every call: done here, outside the deadline.
     */
    private static void signInBeforeTheDeadlinesCount(String address, ServiceCredentials identity) {
        identity.token();
        ManagedChannel channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        try {
            FrameworkServiceGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.MINUTES).withCallCredentials(identity)
                    .listFrameworks(ListFrameworksRequest.getDefaultInstance());
        } finally {
            channel.shutdownNow();
        }
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
