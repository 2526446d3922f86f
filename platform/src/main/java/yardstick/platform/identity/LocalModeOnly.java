package yardstick.platform.identity;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;

/**
 * Nothing insecure by default outside local mode: a service given a database URL (so deployed,
 * not started by {@code ./yardstick up} on its embedded PostgreSQL) refuses to start without an
 * identity provider. In local mode without one it starts, and refuses every call that needs a token.
 */
@Context
class LocalModeOnly {

    LocalModeOnly(IdentitySettings identity, @Property(name = "datasources.default.url", defaultValue = "") String databaseUrl) {
        if (!databaseUrl.isBlank() && !identity.configured()) {
            throw new IllegalStateException("a database URL is configured but no identity provider: set YARDSTICK_OIDC_ISSUER "
                    + "(and YARDSTICK_OIDC_AUDIENCE); only local mode, on the embedded database, may run without one");
        }
    }
}
