package yardstick.platform.audit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.nio.file.Path;

@Factory
class AuditFactory {

    @Singleton
    CasePseudonyms casePseudonyms(@Property(name = "yardstick.audit.pseudonym-key", defaultValue = "") String key,
                                  @Property(name = "yardstick.audit.key-file", defaultValue = "data/audit-pseudonym-key") String keyFile,
                                  @Property(name = "datasources.default.url", defaultValue = "") String databaseUrl) {
        return new CasePseudonyms(PseudonymKey.choose(key, databaseUrl, Path.of(keyFile)));
    }
}
