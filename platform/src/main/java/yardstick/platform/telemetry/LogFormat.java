package yardstick.platform.telemetry;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import java.util.Set;

/**
 * YARDSTICK_LOG_FORMAT chooses logback.xml's appender by name: a value naming neither would leave the
 * service logging nothing at all, so it does not start, and says why where it still can.
 */
@Context
class LogFormat {

    static final Set<String> FORMATS = Set.of("text", "json");

    LogFormat(@Property(name = "yardstick.log-format", defaultValue = "text") String format) {
        if (!FORMATS.contains(format)) {
            String why = "YARDSTICK_LOG_FORMAT must be text or json, not '" + format + "'";
            System.err.println(why);
            throw new IllegalStateException(why);
        }
    }
}
