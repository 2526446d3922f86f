package yardstick.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.inject.qualifiers.Qualifiers;
import yardstick.platform.peers.Peer;
import org.junit.jupiter.api.Test;
import java.util.Set;
import yardstick.platform.testing.ServiceStartsChecks;

@MicronautTest(transactional = false)
class CaseServiceStartsTest extends ServiceStartsChecks {

    @Override
    protected Set<String> ownServices() {
        return Set.of(yardstick.audit.v1.AuditServiceGrpc.SERVICE_NAME);
    }

    @Test
    void findsItsNeighboursAtTheirDefaultAddresses() {
        // Regression: an unquoted "host:port" default was read as a bare port, a host on port 80.
        assertEquals("localhost:50052", context.getBean(Peer.class, Qualifiers.byName("rating-service")).address());
    }
}
