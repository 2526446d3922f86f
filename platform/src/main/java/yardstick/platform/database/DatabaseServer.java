package yardstick.platform.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gives the service its database: the one configured by URL, or else a PostgreSQL of its own
 * started from the embedded binaries, with its cluster under {@code yardstick.database.data-directory}.
 *
 * <p>The URL must be known before the connection pool's configuration finishes initialising
 * (it computes its settings in {@code @PostConstruct}), hence an initialised-event listener.
 */
@Singleton
public class DatabaseServer implements BeanInitializedEventListener<DatasourceConfiguration> {

    private final Path dataDirectory;
    private final int embeddedPort;
    private volatile EmbeddedDatabase embedded;

    DatabaseServer(@Property(name = "yardstick.database.data-directory") String dataDirectory,
                   @Property(name = "yardstick.database.embedded-port", defaultValue = "0") int embeddedPort) {
        this.dataDirectory = Path.of(dataDirectory);
        this.embeddedPort = embeddedPort;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        String configuredUrl = datasource.getConfiguredUrl();
        if (configuredUrl == null || configuredUrl.isBlank()) {
            EmbeddedDatabase database = startEmbedded();
            datasource.setUrl(database.jdbcUrl());
            datasource.setUsername(database.username());
            datasource.setPassword("");
        }
        return datasource;
    }

    private synchronized EmbeddedDatabase startEmbedded() {
        if (embedded == null) {
            embedded = EmbeddedDatabase.start(dataDirectory, embeddedPort);
        }
        return embedded;
    }

    /** The embedded server, when the service runs one (no database URL configured). */
    public Optional<EmbeddedDatabase> embedded() {
        return Optional.ofNullable(embedded);
    }

    /** Whether the service runs an embedded server whose postmaster has gone (killed, crashed). */
    public boolean embeddedHasGone() {
        EmbeddedDatabase database = embedded;
        return database != null && database.hasGone();
    }

    /** Starts the embedded server again if its postmaster has gone; whether it did. */
    public boolean restartEmbeddedIfGone() {
        EmbeddedDatabase database = embedded;
        return database != null && database.restartIfGone();
    }

    @PreDestroy
    void stop() {
        EmbeddedDatabase database = embedded;
        if (database != null) {
            database.stop();
        }
    }
}
