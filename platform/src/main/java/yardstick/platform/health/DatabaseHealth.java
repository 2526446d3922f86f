package yardstick.platform.health;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import yardstick.platform.database.DatabaseServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the service SERVING on the standard gRPC health service only while its database
 * answers, for the server as a whole ("") and for each of its own gRPC services; and
 * {@value #LIVENESS} SERVING always: the process answers, so restarting it would mend nothing (a
 * Kubernetes liveness probe asks for it, the readiness probe for the whole server). An embedded
 * PostgreSQL found gone (killed, crashed) is started again, the service NOT_SERVING meanwhile.
 */
@Context
public class DatabaseHealth {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
    public static final String LIVENESS = "liveness";
    private static final Set<String> INFRASTRUCTURE = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

    private final HealthStatusManager health;
    private final DatabaseServer databases;
    private final DataSource dataSource;
    private final int timeoutSeconds;
    private final List<String> serviceNames;
    private volatile ServingStatus current;

    DatabaseHealth(HealthStatusManager health,
                   DatabaseServer databases,
                   @Named("default") DataSource dataSource,
                   List<BindableService> services,
                   @Property(name = "yardstick.health.database-timeout-seconds", defaultValue = "2") int timeoutSeconds) {
        this.health = health;
        this.databases = databases;
        // The pool itself: the injected data source hands out only the connection of a surrounding transaction.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.timeoutSeconds = timeoutSeconds;
        this.serviceNames = services.stream()
                .map(s -> s.bindService().getServiceDescriptor().getName())
                .filter(name -> !INFRASTRUCTURE.contains(name))
                .sorted()
                .collect(Collectors.toList());
        health.setStatus(LIVENESS, ServingStatus.SERVING);
        publish(ServingStatus.NOT_SERVING);
    }

    @Scheduled(fixedDelay = "${yardstick.health.interval:1s}", initialDelay = "0s")
    void check() {
        if (databases.embeddedHasGone()) {
            // The service's own PostgreSQL was killed or crashed: not serving until it has been started again.
            publish(ServingStatus.NOT_SERVING);
            databases.restartEmbeddedIfGone();
        }
        publish(databaseAnswers() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
    }

    /** The status last published. */
    public ServingStatus status() {
        return current;
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("database did not answer", e);
            return false;
        }
    }

    private void publish(ServingStatus status) {
        if (status == current) {
            return;
        }
        if (current != null) {
            LOG.info("Health: {} (database {})", status, status == ServingStatus.SERVING ? "answers" : "does not answer");
        }
        current = status;
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
        serviceNames.forEach(name -> health.setStatus(name, status));
    }
}
