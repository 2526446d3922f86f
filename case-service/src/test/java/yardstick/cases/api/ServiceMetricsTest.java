package yardstick.cases.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.ListInspectionsRequest;
import yardstick.platform.telemetry.MetricsServer;
import yardstick.platform.telemetry.RequestIds;
import yardstick.platform.testing.GrpcServiceTest;

/** What an operator scrapes from case-service's management port, and the request identifier every answer carries. */
@MicronautTest(transactional = false)
class ServiceMetricsTest extends GrpcServiceTest {

    private static final String CASE_REFERENCE = "YJS-METRICS-0042";

    @Inject
    MetricsServer metrics;

    @Test
    void theScrapeCountsAndTimesEveryCallByMethodAndStatusWithTheJdbcPoolAndTheJvmAndNoCaseValue() throws Exception {
        InspectionServiceGrpc.newBlockingStub(channel).listInspections(ListInspectionsRequest.newBuilder().setPageSize(5).build());
        StatusRuntimeException notFound = assertThrows(StatusRuntimeException.class, () -> JudgementServiceGrpc.newBlockingStub(channel)
                .getCaseJudgements(GetCaseJudgementsRequest.newBuilder()
                        .setName("inspections/" + java.util.UUID.randomUUID() + "/cases/" + CASE_REFERENCE).build()));
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> InspectionServiceGrpc.newBlockingStub(anonymous)
                .listInspections(ListInspectionsRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());

        String scrape = scrape();

        assertTrue(hasSample(scrape, "grpc_server_processing_duration_seconds_count", "method=\"ListInspections\"", "statusCode=\"OK\""), scrape);
        assertTrue(hasSample(scrape, "grpc_server_processing_duration_seconds_count", "method=\"ListInspections\"", "statusCode=\"UNAUTHENTICATED\""), scrape);
        assertTrue(hasSample(scrape, "grpc_server_processing_duration_seconds_count", "method=\"GetCaseJudgements\"",
                "statusCode=\"" + notFound.getStatus().getCode() + "\""), scrape);
        assertTrue(hasSample(scrape, "grpc_server_processing_duration_seconds_bucket", "method=\"ListInspections\"", "le=\""),
                "latency histogram buckets: " + scrape);
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("hikaricp_connections") || l.startsWith("jdbc_connections")), "the JDBC pool: " + scrape);
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("jvm_memory_used_bytes")), "the JVM: " + scrape);
        assertFalse(scrape.contains(CASE_REFERENCE), "a case reference in the metrics");
    }

    @Test
    void everyAnswerCarriesTheCallersRequestIdentifierOrOneOfItsOwn() {
        AtomicReference<Metadata> answered = new AtomicReference<>();
        Metadata offered = new Metadata();
        offered.put(RequestIds.HEADER, "trace-from-the-caller-1");
        InspectionServiceGrpc.newBlockingStub(channel).withInterceptors(
                        MetadataUtils.newAttachHeadersInterceptor(offered), MetadataUtils.newCaptureMetadataInterceptor(answered, new AtomicReference<>()))
                .listInspections(ListInspectionsRequest.newBuilder().setPageSize(1).build());
        assertEquals("trace-from-the-caller-1", answered.get().get(RequestIds.HEADER));

        Metadata forged = new Metadata();
        forged.put(RequestIds.HEADER, "two\nlines");
        InspectionServiceGrpc.newBlockingStub(channel).withInterceptors(
                        MetadataUtils.newAttachHeadersInterceptor(forged), MetadataUtils.newCaptureMetadataInterceptor(answered, new AtomicReference<>()))
                .listInspections(ListInspectionsRequest.newBuilder().setPageSize(1).build());
        String own = answered.get().get(RequestIds.HEADER);
        assertTrue(own != null && own.matches("[0-9a-f-]{36}"), "a new identifier in place of one that could forge a log line: " + own);
    }

    @Test
    void livenessIsServingWhateverTheDatabaseDoes() {
        assertEquals(ServingStatus.SERVING, HealthGrpc.newBlockingStub(anonymous)
                .check(HealthCheckRequest.newBuilder().setService("liveness").build()).getStatus());
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + metrics.port().orElseThrow() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return response.body();
    }

    private static boolean hasSample(String scrape, String name, String... labels) {
        return scrape.lines().filter(l -> l.startsWith(name + "{")).anyMatch(l -> List.of(labels).stream().allMatch(l::contains));
    }
}
