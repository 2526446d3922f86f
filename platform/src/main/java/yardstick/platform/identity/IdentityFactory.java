package yardstick.platform.identity;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

@Factory
class IdentityFactory {

    @Singleton
    ServiceCredentials serviceCredentials(IdentitySettings settings) {
        return new ServiceCredentials(settings, Clock.systemUTC());
    }
}
