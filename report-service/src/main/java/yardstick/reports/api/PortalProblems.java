package yardstick.reports.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import yardstick.platform.app.Refused;

/**
 * The portal's answer to a request it cannot serve as asked: 400 with an RFC 9457 problem body
 * naming each bad query parameter and what to do about it, as gRPC callers get a BadRequest.
 */
final class PortalProblems {

    static final String PROBLEM_JSON = "application/problem+json";

    private PortalProblems() {
    }

    @Serdeable
    record InvalidParam(String name, String reason) {
    }

    @Serdeable
    record Problem(String type, String title, int status, String detail, List<InvalidParam> invalidParams) {
    }

    static HttpResponse<Problem> badRequest(Refused.BadRequest bad) {
        List<InvalidParam> params = bad.problems.stream().map(p -> new InvalidParam(p.field(), p.description())).toList();
        String detail = String.join("; ", params.stream().map(p -> p.name() + " " + p.reason()).toList());
        return HttpResponse.<Problem>status(HttpStatus.BAD_REQUEST)
                .contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", "Bad Request", 400, detail, params));
    }
}
