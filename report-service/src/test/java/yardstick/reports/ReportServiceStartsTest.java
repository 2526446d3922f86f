package yardstick.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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
        return Set.of();
    }

    @Test
    @SuppressWarnings("unchecked")
    void itsHttpFaceAnswersHealthWithTheDatabase() {
        Map<String, Object> health = http.toBlocking().retrieve("/health", Map.class);
        assertEquals("UP", health.get("status"));
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertEquals("UP", ((Map<String, Object>) details.get("jdbc")).get("status"));
    }
}
