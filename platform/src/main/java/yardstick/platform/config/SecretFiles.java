package yardstick.platform.config;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets given as files, the way container platforms mount them: for every variable
 * {@code NAME_FILE} of Yardstick's own naming a file, the service is configured as if {@code NAME} held the
 * file's content (its trailing line break dropped), e.g. {@code CASE_SERVICE_DATABASE_PASSWORD_FILE=/run/secrets/db}.
 * Every service reads its configuration through Micronaut, so this one configurer serves all of them.
 * Only Yardstick's variables: other programs' {@code *_FILE} variables (a shell's, a tool's) are not secrets of ours.
 */
@ContextConfigurer
public final class SecretFiles implements ApplicationContextConfigurer {

    static final String SUFFIX = "_FILE";
    private static final List<String> OURS = List.of("YARDSTICK_", "CASE_SERVICE_", "RATING_SERVICE_", "REPORT_SERVICE_");

    @Override
    public void configure(ApplicationContextBuilder builder) {
        Map<String, Object> secrets = read(System.getenv());
        if (!secrets.isEmpty()) {
            builder.propertySources(propertySource(secrets));
        }
    }

    /** Read as environment variables are, so that the {@code ${NAME:default}} placeholders of application.yml find them. */
    static PropertySource propertySource(Map<String, Object> secrets) {
        return PropertySource.of("secret-files", secrets, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
    }

    /** The values of the variables that {@code environment}'s {@code *_FILE} variables name files for. */
    static Map<String, Object> read(Map<String, String> environment) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        environment.forEach((name, file) -> {
            if (name.endsWith(SUFFIX) && OURS.stream().anyMatch(name::startsWith) && !file.isBlank()) {
                String variable = name.substring(0, name.length() - SUFFIX.length());
                if (environment.containsKey(variable)) {
                    throw new IllegalStateException(variable + " and " + name + " are both set: give the value one way only");
                }
                secrets.put(variable, content(name, Path.of(file.trim())));
            }
        });
        return secrets;
    }

    private static String content(String name, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(name + " names " + file + ", which cannot be read", e);
        }
    }
}
