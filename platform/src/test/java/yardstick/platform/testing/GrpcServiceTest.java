package yardstick.platform.testing;

import io.grpc.ManagedChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A test of a service through its gRPC server over loopback, on a real PostgreSQL of its own.
 * Extend it in a {@code @MicronautTest(transactional = false)} class; {@link #channel} is open
 * during each test. (Micronaut reads a TestPropertyProvider only with a per-class lifecycle.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GrpcServiceTest implements TestPropertyProvider {

    @Inject
    protected ApplicationContext context;

    protected ManagedChannel channel;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @BeforeEach
    void connect() {
        channel = GrpcTestClients.channel(context);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }
}
