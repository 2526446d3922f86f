package yardstick.ratings.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import yardstick.contracts.Channels;
import yardstick.platform.peers.Peer;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.GrpcTestClients;
import yardstick.platform.testing.TestCertificates;
import yardstick.platform.testing.TestIdentity;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.ListFrameworksRequest;

/** rating-service given a certificate and key serves TLS only, and a peer trusting its authority reaches it. */
@MicronautTest(transactional = false)
class TransportSecurityTest extends GrpcServiceTest {

    private static final TestCertificates CERTIFICATES = TestCertificates.make();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.putAll(CERTIFICATES.properties());
        return properties;
    }

    private String address() {
        return "localhost:" + context.getBean(GrpcEmbeddedServer.class).getPort();
    }

    @Test
    void aClientTrustingTheAuthorityFindsItServingAndCallsIt() {
        ManagedChannel tls = Channels.open(address(), false, CERTIFICATES.authority());
        try {
            assertEquals(ServingStatus.SERVING, GrpcTestClients.health(tls, ""));
            List<String> names = FrameworkServiceGrpc.newBlockingStub(tls)
                    .withCallCredentials(TestIdentity.bearer(TestIdentity.tester()))
                    .listFrameworks(ListFrameworksRequest.getDefaultInstance())
                    .getFrameworksList().stream().map(Framework::getName).toList();
            assertEquals(List.of("frameworks/youth-2019", "frameworks/youth-2021"), names);
        } finally {
            tls.shutdownNow();
        }
    }

    @Test
    void aPlaintextClientIsNotServed() {
        ManagedChannel plaintext = Channels.open(address(), false, null);
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> GrpcTestClients.health(plaintext, ""));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        } finally {
            plaintext.shutdownNow();
        }
    }

    @Test
    void aClientTrustingOnlyTheJvmsAuthoritiesRefusesTheCertificate() {
        ManagedChannel untrusting = Channels.open(address(), true, null);
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> GrpcTestClients.health(untrusting, ""));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        } finally {
            untrusting.shutdownNow();
        }
    }

    @Test
    void aPeerTrustingTheAuthorityCallsItOverTls() {
        try (Peer peer = new Peer("rating-service", address(), Duration.ofSeconds(5),
                TestIdentity.bearer(TestIdentity.tester()), false, CERTIFICATES.authority())) {
            List<String> names = peer.call(FrameworkServiceGrpc::newBlockingStub,
                    stub -> stub.listFrameworks(ListFrameworksRequest.getDefaultInstance()))
                    .getFrameworksList().stream().map(Framework::getName).toList();
            assertEquals(List.of("frameworks/youth-2019", "frameworks/youth-2021"), names);
        }
    }
}
