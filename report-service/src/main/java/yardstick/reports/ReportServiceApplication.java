package yardstick.reports;

import io.micronaut.runtime.Micronaut;

/** report-service: reports, publication, improvement plans, and the portal's HTTP API. */
public final class ReportServiceApplication {

    private ReportServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(ReportServiceApplication.class).banner(false).start();
    }
}
