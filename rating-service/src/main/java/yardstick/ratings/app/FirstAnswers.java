package yardstick.ratings.app;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import yardstick.platform.app.Refused;
import yardstick.platform.store.NeighboursAskedOnce;
import yardstick.platform.store.RequestRecords;

/**
 * Safe retries of rating-service's writes (AIP-155): a retry is answered with the first answer
 * before case-service is asked anything, so that it is answered while case-service is down; a
 * first request asks case-service, then does its work in one transaction that keeps its answer.
 */
@Singleton
class FirstAnswers {

    private static final String FIELD = "request_id";

    private final RequestRecords requests;

    FirstAnswers(RequestRecords requests) {
        this.requests = requests;
    }

    /**
     * @param asSent   the request as the caller sent it: a retry must be the same request
     * @param prepared asks the neighbour and checks the request, outside any transaction; the work it answers runs in one
     */
    <R extends Message> R once(String requestId, Message asSent, Parser<R> parser, Supplier<Supplier<R>> prepared) {
        if (requestId == null || requestId.isBlank()) {
            throw new Refused.BadRequest(FIELD, "is required: a UUID, so that a retry is safe");
        }
        return NeighboursAskedOnce.answer(requests, requestId, asSent, parser, prepared, Supplier::get);
    }
}
