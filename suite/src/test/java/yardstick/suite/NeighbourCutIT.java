package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportServiceGrpc;

/**
 * report-service under portal load while its link to rating-service, through a {@link FaultProxy},
 * is cut, then stalled, then restored: the portal's downloads (published material, report-service's
 * own) keep answering; assembling a report, which needs rating-service, fails within report-service's
 * own deadline with UNAVAILABLE naming rating-service, and works again once the link is back,
 * without a restart.
 */
class NeighbourCutIT {

    /** report-service's deadline on calls to its neighbours; the test's own deadline is far longer. */
    private static final String PEER_DEADLINE = "2s";
    private static final long CLIENT_DEADLINE_SECONDS = 60;
    private static final int PORTAL_CALLERS = 4;

    private RunningServices services;
    private FaultProxy proxy;
    private ManagedChannel reports;

    @AfterEach
    void stop() throws InterruptedException {
        if (reports != null) {
            reports.shutdownNow();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void downloadsKeepAnsweringAndAssemblyIsUnavailableNamingRatingServiceUntilTheLinkIsBack() throws Exception {
        services = RunningServices.start("neighbour-cut", Service.RATINGS, Service.CASES);
        Map<String, String> environment = services.environment();
        proxy = FaultProxy.start(0, "localhost", Service.RATINGS.grpcPort(environment));
        environment.put("RATING_SERVICE_ADDRESS", proxy.address());
        environment.put("YARDSTICK_PEER_DEADLINE", PEER_DEADLINE);
        services.start(Service.REPORTS);
        // One inspection published, for the portal's downloads (its publication asked rating-service through the
        // proxy, so the link is in use when it is cut); another rated, with no report yet, for the assembly.
        carry();
        String rated = carryToRatings();
        reports = services.channel(Service.REPORTS);
        String portal = "http://localhost:" + Service.REPORTS.httpPort(environment).orElseThrow();

        try (PortalLoad load = PortalLoad.start(portal, PORTAL_CALLERS)) {
            load.awaitAnswers(20);

            proxy.cut();
            assertUnavailableNamingRatingService(rated);
            load.awaitAnswers(20);
            proxy.stall();
            assertUnavailableNamingRatingService(rated);
            load.awaitAnswers(20);

            proxy.restore();
            Report assembled = assembleOnceTheLinkIsBack(rated);
            assertEquals(rated, assembled.getInspection());
            load.awaitAnswers(20);
            assertEquals(List.of(), load.failures(), "every download answered while rating-service was cut off");
        }
    }

    private PublishedInspection.Result carry() throws Exception {
        ManagedChannel cases = services.plainChannel(Service.CASES);
        ManagedChannel ratings = services.plainChannel(Service.RATINGS);
        ManagedChannel plainReports = services.plainChannel(Service.REPORTS);
        try {
            return PublishedInspection.HARROW.carry(cases, ratings, plainReports, ProcessTestSupport.signIns(), line -> { });
        } finally {
            cases.shutdownNow();
            ratings.shutdownNow();
            plainReports.shutdownNow();
        }
    }

    private String carryToRatings() throws Exception {
        ManagedChannel cases = services.plainChannel(Service.CASES);
        ManagedChannel ratings = services.plainChannel(Service.RATINGS);
        try {
            return PublishedInspection.HARROW.carryToRatings(cases, ratings, ProcessTestSupport.signIns(), line -> { }).inspection();
        } finally {
            cases.shutdownNow();
            ratings.shutdownNow();
        }
    }

    private Report assemble(String inspection) {
        return ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(CLIENT_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .withCallCredentials(ProcessTestSupport.signIns().as(SignIns.LEAD_INSPECTOR))
                .createReport(CreateReportRequest.newBuilder().setInspection(inspection).setRequestId(UUID.randomUUID().toString()).build())
                .getReport();
    }

    /** UNAVAILABLE from report-service itself, by its own deadline: the test's, far longer, would say DEADLINE_EXCEEDED. */
    private void assertUnavailableNamingRatingService(String inspection) {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> assemble(inspection));
        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.getStatus().toString());
        assertTrue(refused.getStatus().getDescription().startsWith("rating-service"), refused.getStatus().getDescription());
    }

    /** The first call after the link is restored may still meet the cut connection; one within the minute must succeed. */
    private Report assembleOnceTheLinkIsBack(String inspection) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try {
                return assemble(inspection);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    /** Callers reading the portal as the public does: the listing, a report's HTML and its PDF, in turn. */
    static final class PortalLoad implements AutoCloseable {
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final AtomicInteger answers = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final List<Thread> callers = new ArrayList<>();

        static PortalLoad start(String portal, int callers) throws Exception {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            String listing = http.send(HttpRequest.newBuilder(URI.create(portal + "/api/v1/reports?page_size=20")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            int at = listing.indexOf("\"id\":\"");
            assertTrue(at >= 0, "a report is published: " + listing);
            String id = listing.substring(at + 6, listing.indexOf('"', at + 6));
            List<String> paths = List.of("/api/v1/reports?page_size=20", "/api/v1/reports/" + id + "/html", "/api/v1/reports/" + id + "/pdf");
            PortalLoad load = new PortalLoad();
            for (int i = 0; i < callers; i++) {
                int first = i;
                Thread caller = new Thread(() -> load.read(http, portal, paths, first), "portal-caller-" + i);
                caller.setDaemon(true);
                load.callers.add(caller);
                caller.start();
            }
            return load;
        }

        private void read(HttpClient http, String portal, List<String> paths, int first) {
            for (int n = first; !stopping.get(); n++) {
                String path = paths.get(n % paths.size());
                try {
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(portal + path))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        failures.add(path + ": " + response.statusCode());
                    }
                    answers.incrementAndGet();
                } catch (Exception e) {
                    failures.add(path + ": " + e);
                }
            }
        }

        void awaitAnswers(int more) throws InterruptedException {
            int target = answers.get() + more;
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
            while (answers.get() < target) {
                assertTrue(Instant.now().isBefore(giveUp), "the portal stopped answering: " + failures);
                Thread.sleep(50);
            }
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        @Override
        public void close() throws InterruptedException {
            stopping.set(true);
            for (Thread caller : callers) {
                caller.join(60_000);
            }
        }
    }
}
