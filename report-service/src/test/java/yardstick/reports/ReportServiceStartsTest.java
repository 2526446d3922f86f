package yardstick.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.inject.qualifiers.Qualifiers;
import yardstick.platform.peers.Peer;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.ServiceStartsChecks;

@MicronautTest(transactional = false)
class ReportServiceStartsTest extends ServiceStartsChecks {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected Set<String> ownServices() {
        return Set.of(yardstick.reports.v1.ReportServiceGrpc.SERVICE_NAME, yardstick.reports.v1.ImprovementPlanServiceGrpc.SERVICE_NAME,
                yardstick.audit.v1.AuditServiceGrpc.SERVICE_NAME);
    }

    @Test
    @SuppressWarnings("unchecked")
    void itsHttpFaceAnswersHealthWithTheDatabase() {
        Map<String, Object> health = http.toBlocking().retrieve("/health", Map.class);
        assertEquals("UP", health.get("status"));
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertEquals("UP", ((Map<String, Object>) details.get("jdbc")).get("status"));
    }

    @Test
    void findsItsNeighboursAtTheirDefaultAddresses() {
        // Regression: an unquoted "host:port" default was read as a bare port, a host on port 80.
        assertEquals("localhost:50051", context.getBean(Peer.class, Qualifiers.byName("case-service")).address());
        assertEquals("localhost:50052", context.getBean(Peer.class, Qualifiers.byName("rating-service")).address());
    }
}
