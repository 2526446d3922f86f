package yardstick.platform.testing;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import yardstick.platform.database.DatabaseServer;
import yardstick.platform.database.EmbeddedDatabase;

/**
 * A real PostgreSQL for a service under test: a Testcontainers container where a Docker engine
 * answers, otherwise the service's own embedded server on a fresh cluster under {@code target/}.
 * Either way the service runs against PostgreSQL; nothing is skipped.
 */
public final class TestDatabase {

    private static final String IMAGE = "postgres:17-alpine";
    private static PostgreSQLContainer<?> container;

    private TestDatabase() {
    }

    /** Configuration for a test's application context (return it from a TestPropertyProvider). */
    public static Map<String, String> properties() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> postgres = container();
            return Map.of(
                    "datasources.default.url", postgres.getJdbcUrl(),
                    "datasources.default.username", postgres.getUsername(),
                    "datasources.default.password", postgres.getPassword());
        }
        return Map.of("yardstick.database.data-directory", freshDirectory().toString());
    }

    /** Stops the database the context uses, keeping its data. */
    public static void stop(ApplicationContext context) {
        EmbeddedDatabase embedded = context.getBean(DatabaseServer.class).embedded().orElse(null);
        if (embedded != null) {
            embedded.stop();
        } else {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
        }
    }

    /** Starts it again, on the same address. */
    public static void start(ApplicationContext context) {
        EmbeddedDatabase embedded = context.getBean(DatabaseServer.class).embedded().orElse(null);
        if (embedded != null) {
            embedded.start();
        } else {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
        }
    }

    private static synchronized PostgreSQLContainer<?> container() {
        if (container == null) {
            container = new PostgreSQLContainer<>(IMAGE);
            container.start();
        }
        return container;
    }

    /** An embedded PostgreSQL of the test's own, on a fresh cluster under {@code target/} and a free port; close it after. */
    public static EmbeddedDatabase embedded() {
        return EmbeddedDatabase.start(freshDirectory().resolve("postgres"), 0);
    }

    private static Path freshDirectory() {
        return ScratchDirectories.fresh(Path.of("target", "test-databases"), "cluster-");
    }
}
