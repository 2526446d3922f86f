package yardstick.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import yardstick.platform.database.DatabaseServer;
import yardstick.platform.database.EmbeddedDatabase;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.GrpcTestClients;
import yardstick.platform.testing.ScratchDirectories;

/**
 * A deployed service (a container, a pod) is given its database's URL: it must use that database and
 * never start an embedded PostgreSQL of its own beside it, which would hold records no one backs up.
 */
@MicronautTest(transactional = false)
class CaseServiceOnItsConfiguredDatabaseTest extends GrpcServiceTest {

    /** Stands for the deployment's PostgreSQL: a server the service did not start. */
    private EmbeddedDatabase deployed;
    private Path embeddedDirectory;

    @Inject
    @Named("default")
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Path root = Path.of("target", "test-databases");
        deployed = EmbeddedDatabase.start(ScratchDirectories.fresh(root, "deployed-").resolve("postgres"), 0);
        embeddedDirectory = ScratchDirectories.fresh(root, "never-used-").resolve("postgres");
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("datasources.default.url", deployed.jdbcUrl());
        properties.put("datasources.default.username", deployed.username());
        properties.put("datasources.default.password", "");
        properties.put("yardstick.database.data-directory", embeddedDirectory.toString());
        return properties;
    }

    @AfterAll
    void stopTheDeployedDatabase() {
        deployed.close();
    }

    @Test
    void usesTheConfiguredDatabaseAndStartsNoEmbeddedOne() throws Exception {
        assertEquals(ServingStatus.SERVING, GrpcTestClients.awaitHealth(channel, "", ServingStatus.SERVING, Duration.ofSeconds(30)));
        assertTrue(context.getBean(DatabaseServer.class).embedded().isEmpty(), "an embedded PostgreSQL was started");
        assertTrue(!Files.exists(embeddedDirectory) || isEmpty(embeddedDirectory), "a cluster was made in " + embeddedDirectory);
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            ResultSet port = statement.executeQuery("select inet_server_port()");
            port.next();
            assertEquals(deployed.port(), port.getInt(1), "the service's connections go to the configured server");
            ResultSet migrations = statement.executeQuery("select count(*) from flyway_schema_history where success");
            migrations.next();
            assertTrue(migrations.getInt(1) > 0, "the configured database holds the service's migrations");
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
