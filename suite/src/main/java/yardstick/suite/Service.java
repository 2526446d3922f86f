package yardstick.suite;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One of the three services: where its jar is built and which variables set its ports. */
public record Service(String name, String grpcPortVariable, int defaultGrpcPort,
                      Optional<String> httpPortVariable, int defaultHttpPort) {

    public static final Service CASES = new Service("case-service", "CASE_SERVICE_PORT", 50051, Optional.empty(), 0);
    public static final Service RATINGS = new Service("rating-service", "RATING_SERVICE_PORT", 50052, Optional.empty(), 0);
    public static final Service REPORTS = new Service("report-service", "REPORT_SERVICE_PORT", 50053,
            Optional.of("REPORT_SERVICE_HTTP_PORT"), 8080);

    public static final List<Service> ALL = List.of(CASES, RATINGS, REPORTS);

    public int grpcPort(Map<String, String> environment) {
        return Integer.parseInt(environment.getOrDefault(grpcPortVariable, String.valueOf(defaultGrpcPort)));
    }

    public Optional<Integer> httpPort(Map<String, String> environment) {
        return httpPortVariable.map(v -> Integer.parseInt(environment.getOrDefault(v, String.valueOf(defaultHttpPort))));
    }
}
