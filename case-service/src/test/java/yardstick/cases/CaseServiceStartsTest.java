package yardstick.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.inject.qualifiers.Qualifiers;
import yardstick.platform.peers.Peer;
import org.junit.jupiter.api.Test;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.UUID;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.platform.identity.Role;
import yardstick.platform.testing.ServiceStartsChecks;
import yardstick.platform.testing.TestDatabase;
import yardstick.platform.testing.TestIdentity;

@MicronautTest(transactional = false)
class CaseServiceStartsTest extends ServiceStartsChecks {

    @Override
    protected Set<String> ownServices() {
        return Set.of(yardstick.audit.v1.AuditServiceGrpc.SERVICE_NAME);
    }

    /** The tallies are read outside a transaction (one statement): a database that is down still answers UNAVAILABLE. */
    @Test
    void talliesAreToldToRetryWhileTheDatabaseIsDown() {
        TestDatabase.stop(context);
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> JudgementServiceGrpc.newBlockingStub(channel)
                    .withCallCredentials(TestIdentity.as("panel-member-1", Role.RATINGS_PANEL))
                    .getJudgementTallies(GetJudgementTalliesRequest.newBuilder().setInspection("inspections/" + UUID.randomUUID()).build()));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.getStatus().toString());
        } finally {
            TestDatabase.start(context);
        }
    }

    @Test
    void findsItsNeighboursAtTheirDefaultAddresses() {
        // Regression: an unquoted "host:port" default was read as a bare port, a host on port 80.
        assertEquals("localhost:50052", context.getBean(Peer.class, Qualifiers.byName("rating-service")).address());
    }
}
