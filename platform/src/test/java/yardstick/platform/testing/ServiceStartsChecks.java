package yardstick.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import yardstick.audit.v1.AuditServiceGrpc;
import yardstick.audit.v1.ListAuditEventsRequest;

/**
 * What every Yardstick service must do, checked on the service itself: extend it in a
 * {@code @MicronautTest} class of the service. The service starts against a real PostgreSQL
 * with its migrations applied, its gRPC health follows its database, and while the database is down
 * its calls answer UNAVAILABLE, which clients retry.
 */
public abstract class ServiceStartsChecks extends GrpcServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    @Named("default")
    protected DataSource dataSource;

    /** The service's own gRPC services, each of which must report health like the server. */
    protected abstract Set<String> ownServices();

    @Test
    void startsAgainstRealPostgresWithEveryMigrationApplied() throws Exception {
        context.getBean(yardstick.platform.database.DatabaseServer.class).embedded().ifPresent(database ->
                assertTrue(database.dataDirectory().toString().contains("test-databases"),
                        "tests run on a fresh cluster of their own, not on " + database.dataDirectory()));
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            ResultSet product = statement.executeQuery("select version()");
            product.next();
            assertEquals(true, product.getString(1).startsWith("PostgreSQL"), product.getString(1));

            Set<String> applied = new TreeSet<>();
            ResultSet history = statement.executeQuery("select version from flyway_schema_history where success");
            while (history.next()) {
                if (history.getString(1) != null) {
                    applied.add(history.getString(1));
                }
            }
            Set<String> shipped = migrationVersions();
            assertFalse(shipped.isEmpty(), "the service ships migrations");
            assertEquals(shipped, applied);
        }
    }

    @Test
    void reportsServingOverGrpcHealthForTheServerAndEachOfItsServices() throws InterruptedException {
        assertEquals(ServingStatus.SERVING, GrpcTestClients.awaitHealth(channel, "", ServingStatus.SERVING, PATIENCE));
        for (String service : ownServices()) {
            assertEquals(ServingStatus.SERVING, GrpcTestClients.health(channel, service), service);
        }
    }

    @Test
    void goesNotServingWhileItsDatabaseIsDownAndServingWhenItIsBack() throws InterruptedException {
        assertEquals(ServingStatus.SERVING, GrpcTestClients.awaitHealth(channel, "", ServingStatus.SERVING, PATIENCE));
        TestDatabase.stop(context);
        try {
            assertEquals(ServingStatus.NOT_SERVING, GrpcTestClients.awaitHealth(channel, "", ServingStatus.NOT_SERVING, PATIENCE));
            for (String service : ownServices()) {
                assertEquals(ServingStatus.NOT_SERVING, GrpcTestClients.health(channel, service), service);
            }
            // A call that needs the database is told to retry (AIP-194), not that the service is broken.
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> AuditServiceGrpc.newBlockingStub(channel)
                    .listAuditEvents(ListAuditEventsRequest.newBuilder().setInspection("inspections/" + UUID.randomUUID()).build()));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.getStatus().toString());
        } finally {
            TestDatabase.start(context);
        }
        assertEquals(ServingStatus.SERVING, GrpcTestClients.awaitHealth(channel, "", ServingStatus.SERVING, PATIENCE));
    }

    private Set<String> migrationVersions() throws IOException, URISyntaxException {
        URL directory = getClass().getClassLoader().getResource("db/migration");
        if (directory == null) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
