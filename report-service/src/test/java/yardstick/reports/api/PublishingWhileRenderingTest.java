package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import yardstick.platform.identity.Role;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.TestIdentity;
import yardstick.reports.app.ReportRenderer;
import yardstick.reports.store.FactualAccuracyStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.GetReportRequest;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.PublishReportResponse;
import yardstick.reports.v1.RenderReportResponse;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.ReportServiceGrpc;
import yardstick.reports.v1.UpdateReportRequest;

/**
 * PublishReport renders every rendition before it takes the report's row lock or a connection: while
 * a (held) PDF rendering runs, the report can be read and updated, and no transaction is open; the
 * short transaction that follows sees the update's new etag and refuses to publish the version
 * rendered, which is no longer the latest.
 */
@MicronautTest(transactional = false)
class PublishingWhileRenderingTest extends GrpcServiceTest {

    /** How long the test waits for what must happen at once; a blocked call would wait until then and fail. */
    private static final long PATIENCE_SECONDS = 30;

    @Inject
    ReportStore reports;

    @Inject
    HeldRenderer renderer;

    @Inject
    FactualAccuracyStore checks;

    @Inject
    @Named("default")
    DataSource dataSource;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("publishing-while-rendering-test.held-renderer", "true");
        return properties;
    }

    /** Renders as the service does, except that a PDF waits, once entered, until the test lets it finish. */
    @Singleton
    @Replaces(ReportRenderer.class)
    @Requires(property = "publishing-while-rendering-test.held-renderer", value = "true")
    static class HeldRenderer extends ReportRenderer {
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public RenderReportResponse rendition(Report report, ReportFormat format) {
            if (format == ReportFormat.REPORT_FORMAT_PDF) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.rendition(report, format);
        }

        void hold() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }
    }

    @Test
    void whileThePdfRendersTheReportIsReadAndUpdatedAndTheStaleVersionIsNotPublished() throws Exception {
        String name = draftReadyToPublish();
        ReportServiceGrpc.ReportServiceBlockingStub lead = ReportServiceGrpc.newBlockingStub(
                signedIn(TestIdentity.token("lead-inspector-1", Role.LEAD_INSPECTOR)));
        renderer.hold();
        CompletableFuture<PublishReportResponse> publishing = CompletableFuture.supplyAsync(() -> publish(name, "\"1\""));
        try {
            assertTrue(renderer.entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the publication started rendering");

            assertEquals(0, openTransactions(), "no transaction (nor its row lock) is held while the PDF renders");
            assertEquals(1, lead.withDeadlineAfter(PATIENCE_SECONDS, TimeUnit.SECONDS)
                    .getReport(GetReportRequest.newBuilder().setName(name).build()).getReport().getVersion());
            Report updated = lead.withDeadlineAfter(PATIENCE_SECONDS, TimeUnit.SECONDS).updateReport(UpdateReportRequest.newBuilder()
                    .setName(name).setEtag("\"1\"").setExecutiveSummary("A summary rewritten while the PDF was rendering.")
                    .setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("executive_summary")).build()).getReport();
            assertEquals(2, updated.getVersion(), "the update was not blocked by the rendering publication");
        } finally {
            renderer.release.countDown();
        }

        ExecutionException failed = assertThrows(ExecutionException.class, () -> publishing.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        StatusRuntimeException refused = (StatusRuntimeException) failed.getCause();
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains("etag"), refused.getStatus().getDescription());

        PublishReportResponse published = publish(name, "\"2\"");
        assertEquals(2, published.getPublication().getReportVersion(), "the latest version, reviewed, is published");
        assertEquals(4, published.getPublication().getRenditionsCount());
    }

    private PublishReportResponse publish(String name, String etag) {
        return ReportServiceGrpc.newBlockingStub(signedIn(TestIdentity.token("publisher-1", Role.PUBLISHER)))
                .withDeadlineAfter(2 * PATIENCE_SECONDS, TimeUnit.SECONDS)
                .publishReport(PublishReportRequest.newBuilder().setName(name).setEtag(etag)
                        .setRequestId(UUID.randomUUID().toString()).build());
    }

    /** A report's first version with what publication needs (a summary and a recommendation), stored as CreateReport stores it. */
    private String draftReadyToPublish() {
        UUID id = UUID.randomUUID();
        String inspection = "inspections/" + UUID.randomUUID();
        // Rated by the latest snapshot the tests' rating-service gives (ReportWorkflowTest.RatingService).
        Report body = Report.newBuilder().setName("reports/" + id).setInspection(inspection)
                .setRatingsSnapshot(inspection + "/ratingSnapshots/1")
                .setServiceInspected("A Youth Justice Service").setVersion(1)
                .setExecutiveSummary("The service was inspected.")
                .addAllRecommendations(PublishedReports.numbered(1)).build();
        reports.add(id, body.getInspection(), body.toByteArray(), "HMI-0001", Instant.now().truncatedTo(ChronoUnit.MICROS));
        // Its factual-accuracy check was sent and its deadline has passed, so it holds publication back no longer.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        transactions.executeWrite(status -> {
            checks.send(id, 1, now.minusSeconds(1), "HMI-0001", now.minusSeconds(3600));
            return null;
        });
        return body.getName();
    }

    /** Sessions of the service's database holding a transaction open while the service does something else. */
    private int openTransactions() throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from pg_stat_activity where pid <> pg_backend_pid() "
                     + "and datname = current_database() and state like 'idle in transaction%'")) {
            count.next();
            return count.getInt(1);
        }
    }
}
