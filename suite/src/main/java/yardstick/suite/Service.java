package yardstick.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One of the three services: where its jar is built and which variables set its ports. */
public record Service(String name, String grpcPortVariable, int defaultGrpcPort,
                      Optional<String> httpPortVariable, int defaultHttpPort, int defaultMetricsPort) {

    public static final Service CASES = new Service("case-service", "CASE_SERVICE_PORT", 50051, Optional.empty(), 0, 9091);
    public static final Service RATINGS = new Service("rating-service", "RATING_SERVICE_PORT", 50052, Optional.empty(), 0, 9092);
    public static final Service REPORTS = new Service("report-service", "REPORT_SERVICE_PORT", 50053,
            Optional.of("REPORT_SERVICE_HTTP_PORT"), 8080, 9093);

    public static final List<Service> ALL = List.of(CASES, RATINGS, REPORTS);

    public int grpcPort(Map<String, String> environment) {
        return Integer.parseInt(environment.getOrDefault(grpcPortVariable, String.valueOf(defaultGrpcPort)));
    }

    public Optional<Integer> httpPort(Map<String, String> environment) {
        return httpPortVariable.map(v -> Integer.parseInt(environment.getOrDefault(v, String.valueOf(defaultHttpPort))));
    }

    /** The start of the service's own variables: CASE_SERVICE for case-service. */
    public String variablePrefix() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The variable of its management port, where Prometheus scrapes /metrics: CASE_SERVICE_METRICS_PORT. */
    public String metricsPortVariable() {
        return variablePrefix() + "_METRICS_PORT";
    }

    /** Its management port: YARDSTICK_METRICS_PORT (every service's) when set, else its own variable, else its default. */
    public int metricsPort(Map<String, String> environment) {
        String everyService = environment.getOrDefault("YARDSTICK_METRICS_PORT", "");
        return Integer.parseInt(everyService.isBlank()
                ? environment.getOrDefault(metricsPortVariable(), String.valueOf(defaultMetricsPort)) : everyService.trim());
    }

    /** The folder of its embedded PostgreSQL, as `./yardstick up` starts it: under YARDSTICK_DATA_DIR, else {@code root}/data. */
    public Path embeddedDatabase(Path root, Map<String, String> environment) {
        return Path.of(environment.getOrDefault("YARDSTICK_DATA_DIR", root.resolve("data").toString())).resolve(name).resolve("postgres");
    }
}
