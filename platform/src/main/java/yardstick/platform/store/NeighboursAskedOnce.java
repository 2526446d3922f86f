package yardstick.platform.store;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A write that needs a neighbour's answers, retried safely (AIP-155): a request already answered
 * gets its first answer before any neighbour is asked, so a retry works with the neighbours down;
 * otherwise they are asked outside any transaction, and the work is done in the transaction that
 * records the request's answer. The one rule of every service's writes that ask a neighbour.
 */
public final class NeighboursAskedOnce {

    private NeighboursAskedOnce() {
    }

    public static <A, R extends Message> R answer(RequestRecords requests, String requestId, Message asSent, Parser<R> parser, Supplier<A> ask,
                                           Function<A, R> work) {
        Optional<R> earlier = requests.answered(requestId, "request_id", asSent, parser);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        A answers = ask.get();
        return requests.once(requestId, "request_id", asSent, parser, () -> work.apply(answers));
    }
}
