package yardstick.platform.identity;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

@Factory
class IdentityFactory {

    /** One verifier, so the gRPC server and the HTTP portal share one cache of the issuer's keys. */
    @Singleton
    TokenVerifier tokenVerifier(IdentitySettings settings) {
        return new TokenVerifier(settings);
    }

    @Singleton
    ServiceCredentials serviceCredentials(IdentitySettings settings) {
        return new ServiceCredentials(settings, Clock.systemUTC());
    }
}
