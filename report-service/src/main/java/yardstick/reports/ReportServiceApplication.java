package yardstick.reports;

import io.micronaut.runtime.Micronaut;

/** report-service: reports, publication, improvement plans, and the portal's HTTP API. */
public final class ReportServiceApplication {

    /**
     * The environment whose configuration (application-tls.yml) makes the HTTP server serve HTTPS
     * only. Micronaut creates its HTTPS pipeline only when {@code micronaut.server.ssl.enabled} is
     * a configured property, so whether it is on is decided here, before configuration is read.
     */
    static final String TLS_ENVIRONMENT = "tls";

    private ReportServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut micronaut = Micronaut.build(args).mainClass(ReportServiceApplication.class).banner(false);
        if (isSet("YARDSTICK_TLS_CERT") || isSet("YARDSTICK_TLS_KEY")) {
            micronaut.environments(TLS_ENVIRONMENT);
        }
        micronaut.start();
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }
}
