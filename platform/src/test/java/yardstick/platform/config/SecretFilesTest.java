package yardstick.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path secrets;

    @Test
    void aVariableEndingInFileGivesTheNamedFilesContentToTheVariableWithoutIt() throws Exception {
        Path password = Files.writeString(secrets.resolve("db-password"), "correct horse\n");
        Map<String, Object> read = SecretFiles.read(Map.of("CASE_SERVICE_DATABASE_PASSWORD_FILE", password.toString(), "PATH", "/usr/bin",
                "TF_CLI_CONFIG_FILE", secrets.resolve("not ours, not read").toString()));
        assertEquals(Map.of("CASE_SERVICE_DATABASE_PASSWORD", "correct horse"), read);
    }

    @Test
    void theServicesConfigurationPlaceholdersReadTheSecret() throws Exception {
        Path secret = Files.writeString(secrets.resolve("client-secret"), "s3cret-of-case-service");
        Map<String, Object> read = SecretFiles.read(Map.of("CASE_SERVICE_CLIENT_SECRET_FILE", secret.toString()));
        // application.yml reads every setting as ${VARIABLE:default}, as here.
        Environment configuration = ApplicationContext.builder()
                .propertySources(SecretFiles.propertySource(read))
                .properties(Map.of("yardstick.identity.client-secret", "${CASE_SERVICE_CLIENT_SECRET:}"))
                .build().getEnvironment().start();
        assertEquals("s3cret-of-case-service", configuration.getRequiredProperty("yardstick.identity.client-secret", String.class));
    }

    @Test
    void aSecretGivenBothWaysIsRefused() throws Exception {
        Path password = Files.writeString(secrets.resolve("db-password"), "one");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SecretFiles.read(
                Map.of("REPORT_SERVICE_DATABASE_PASSWORD", "two", "REPORT_SERVICE_DATABASE_PASSWORD_FILE", password.toString())));
        assertTrue(refused.getMessage().contains("REPORT_SERVICE_DATABASE_PASSWORD"), refused.getMessage());
    }

    @Test
    void anUnreadableFileStopsTheStartNamingTheVariable() {
        UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> SecretFiles.read(
                Map.of("YARDSTICK_AUDIT_KEY_FILE", secrets.resolve("missing").toString())));
        assertTrue(refused.getMessage().contains("YARDSTICK_AUDIT_KEY_FILE"), refused.getMessage());
    }
}
