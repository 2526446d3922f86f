package yardstick.platform.testing;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A test of a service through its gRPC server over loopback, on a real PostgreSQL of its own,
 * trusting the tests' real OIDC provider ({@link TestIdentity}). Extend it in a
 * {@code @MicronautTest(transactional = false)} class; during each test {@link #channel} is open
 * and signed in as the tester (every person's role), {@link #anonymous} carries no token.
 * (Micronaut reads a TestPropertyProvider only with a per-class lifecycle.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GrpcServiceTest implements TestPropertyProvider {

    /** The audit log's pseudonym key in tests, so that a test can work out a case's pseudonym itself. */
    protected static final String AUDIT_PSEUDONYM_KEY = "a test key of the audit log's case pseudonyms";

    private static String testerToken;

    @Inject
    protected ApplicationContext context;

    /** The connection itself, with no token. */
    protected ManagedChannel anonymous;
    /** The connection, every call signed in as the tester. */
    protected Channel channel;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.putAll(TestIdentity.properties());
        properties.put("yardstick.audit.pseudonym-key", AUDIT_PSEUDONYM_KEY);
        return properties;
    }

    @BeforeEach
    void connect() {
        anonymous = GrpcTestClients.channel(context);
        channel = signedIn(testerToken());
    }

    /** The connection, every call carrying {@code token}. */
    protected Channel signedIn(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return ClientInterceptors.intercept(anonymous, MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static synchronized String testerToken() {
        if (testerToken == null) {
            testerToken = TestIdentity.tester();
        }
        return testerToken;
    }

    @AfterEach
    void disconnect() {
        anonymous.shutdownNow();
    }
}
