package yardstick.cases.api;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.function.Supplier;
import yardstick.platform.store.RequestRecords;

/**
 * Safe retries of case-service's writes (AIP-155): a request with a request_id is answered once
 * and a retry gets that answer; one without is simply done (where the contract makes request_id
 * optional, the method's etag or its own rules keep a blind retry from doing the work twice).
 */
final class Retries {

    private Retries() {
    }

    static <R extends Message> R once(RequestRecords requests, String requestId, Message request, Parser<R> parser, Supplier<R> work) {
        return requestId.isEmpty() ? work.get() : requests.once(requestId, "request_id", request, parser, work);
    }
}
