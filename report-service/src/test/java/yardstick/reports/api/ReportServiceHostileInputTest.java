package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Optional;
import yardstick.platform.testing.HostileInputChecks;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.reports.peers.CaseServiceClient;
import yardstick.reports.peers.RatingServiceClient;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.cases.v1.Inspection;
import yardstick.reports.v1.RenderReportRequest;
import yardstick.reports.v1.RenditionChunk;
import yardstick.reports.v1.StreamReportRenditionRequest;
import yardstick.reports.v1.StreamReportRenditionResponse;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.ReportServiceGrpc;

/** report-service answers a thousand malformed and oversized requests cleanly, stays healthy, and stores none of them. */
@MicronautTest(transactional = false)
class ReportServiceHostileInputTest extends HostileInputChecks {

    /** case-service knowing no inspection and rating-service no snapshot: every report these requests would assemble is of one they have not. */
    @BeforeAll
    static void neighboursKnowNothing() {
        Neighbours.knowNothing = true;
    }

    @AfterAll
    static void neighboursKnowAgain() {
        Neighbours.knowNothing = false;
    }

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void thePortalAnswersAPageTokenOfMinusOneWithAProblemNamingIt() {
        // "-1" was read as an offset and handed to the database: 500.
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange("/api/v1/reports?page_token=-1", String.class));

        assertEquals(HttpStatus.BAD_REQUEST, error.getStatus());
        assertEquals("application/problem+json", error.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = error.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(400, ((Number) problem.get("status")).intValue());
        assertEquals("page_token", ((Map<?, ?>) ((List<?>) problem.get("invalidParams")).get(0)).get("name"));
    }

    @Test
    void thePortalPagesWithTheTokensItIssues() {
        for (int i = 0; i < 3; i++) {
            PublishedReports.publish(context.getBean(ReportStore.class), context.getBean(PublicationStore.class),
                    "Paged Youth Justice Service", PublishedReports.numbered(1), Optional.empty());
        }
        String path = "/api/v1/reports?service=Paged%20Youth%20Justice%20Service&page_size=2";
        Map<?, ?> first = http.toBlocking().retrieve(path, Map.class);
        Map<?, ?> second = http.toBlocking().retrieve(path + "&page_token=" + first.get("nextPageToken"), Map.class);

        assertEquals(2, ((List<?>) first.get("reports")).size());
        assertEquals(1, ((List<?>) second.get("reports")).size());
        assertTrue(second.get("nextPageToken") == null || "".equals(second.get("nextPageToken")), "the last page has no next: " + second);
    }

    @Test
    void aRenditionLargerThanAClientTakesInOneMessageIsStreamedInChunks() throws Exception {
        // Each '<' is six bytes in the JSON rendition (\u003c): 9 MiB, more than a default client takes in one message.
        Report large = Report.newBuilder().setName("reports/" + UUID.randomUUID()).setInspection("inspections/" + UUID.randomUUID())
                .setServiceInspected("Kent Youth Justice Service").setExecutiveSummary("<".repeat(1_500_000)).build();
        UUID id = UUID.fromString(large.getName().substring("reports/".length()));
        context.getBean(ReportStore.class).add(id, large.getInspection(), large.toByteArray(), "HMI-0001", Instant.now());
        RenderReportRequest request = RenderReportRequest.newBuilder().setName(large.getName()).setFormat(ReportFormat.REPORT_FORMAT_JSON).build();

        // Whole, it came to the client as RESOURCE_EXHAUSTED; now it is refused with the method that delivers it.
        StatusRuntimeException whole = assertThrows(StatusRuntimeException.class,
                () -> ReportServiceGrpc.newBlockingStub(channel).renderReport(request));
        assertEquals(Status.Code.FAILED_PRECONDITION, whole.getStatus().getCode(), whole.toString());
        PreconditionFailure.Violation violation = StatusProto.fromThrowable(whole).getDetails(0).unpack(PreconditionFailure.class)
                .getViolations(0);
        assertEquals("TOO_LARGE_FOR_ONE_MESSAGE", violation.getType());
        assertTrue(violation.getDescription().contains("StreamReportRendition"), violation.getDescription());

        Iterator<StreamReportRenditionResponse> chunks = ReportServiceGrpc.newBlockingStub(channel).streamReportRendition(
                StreamReportRenditionRequest.newBuilder().setName(request.getName()).setFormat(request.getFormat()).build());
        RenditionChunk first = chunks.next().getChunk();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        first.getData().writeTo(content);
        int count = 1;
        while (chunks.hasNext()) {
            RenditionChunk chunk = chunks.next().getChunk();
            assertTrue(chunk.getData().size() <= 1024 * 1024, "a chunk is at most 1 MiB");
            chunk.getData().writeTo(content);
            count++;
        }
        assertEquals("application/json", first.getContentType());
        assertTrue(first.getTotalBytes() > 4L * 1024 * 1024, "more than 4 MiB: " + first.getTotalBytes());
        assertEquals(first.getTotalBytes(), content.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toByteArray())), first.getSha256());
        assertTrue(count >= 5, count + " chunks");
        Report.Builder parsed = Report.newBuilder();
        JsonFormat.parser().merge(content.toString(StandardCharsets.UTF_8), parsed);
        assertEquals(large.getExecutiveSummary(), parsed.getExecutiveSummary());
    }

    @Override
    protected List<String> knownNames() {
        String publication = PublishedReports.publish(context.getBean(ReportStore.class), context.getBean(PublicationStore.class),
                "Kent Youth Justice Service", PublishedReports.numbered(3), Optional.empty());
        return List.of(publication);
    }
}
