package yardstick.reports.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yardstick.platform.audit.WithoutValues;
import yardstick.platform.store.DatabaseFailures;

/**
 * The portal's answer when its database is unreachable or restarting: 503 with Retry-After and a
 * problem body, which clients and caches retry, as gRPC callers get UNAVAILABLE; not the 500 of a
 * fault. Any other unexpected failure is still a 500, logged.
 */
@Produces
@Singleton
@Requires(classes = {RuntimeException.class, ExceptionHandler.class})
class PortalDatabaseFailures implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(PortalDatabaseFailures.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException failure) {
        if (DatabaseFailures.isPassing(failure)) {
            LOG.warn("{} {} failed for want of the database", request.getMethodName(), request.getPath(), WithoutValues.of(failure));
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .contentType(PortalProblems.PROBLEM_JSON)
                    .body(new PortalProblems.Problem("about:blank", "Service Unavailable", 503,
                            "the portal's database is not answering; try again shortly", List.of()));
        }
        LOG.error("{} {} failed", request.getMethodName(), request.getPath(), WithoutValues.of(failure));
        return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(PortalProblems.PROBLEM_JSON)
                .body(new PortalProblems.Problem("about:blank", "Internal Server Error", 500, "internal error; the service has logged it",
                        List.of()));
    }
}
