package yardstick.platform.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import yardstick.platform.store.DatabaseFailures;

/**
 * The status of a failure that no use case refused, in one place. A database that is down,
 * restarting, or aborted the transaction is UNAVAILABLE with a {@code google.rpc.RetryInfo}: the
 * one code clients retry on their own (AIP-194), and safe to, since the transaction did not happen
 * or, with a request_id, answers as the first. Anything else is INTERNAL, a fault of the service's,
 * without its message (it may quote case values).
 */
public final class Failures {

    /** How long a client should wait before retrying a call the database failed. */
    static final Duration RETRY_DELAY = Duration.newBuilder().setSeconds(1).build();

    private Failures() {
    }

    /** Whether the failure is passing: a retry of the same request may succeed. */
    public static boolean isPassing(Throwable failure) {
        return DatabaseFailures.isPassing(failure);
    }

    public static StatusRuntimeException status(Throwable failure) {
        if (isPassing(failure)) {
            com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                    .setCode(Code.UNAVAILABLE.getNumber())
                    .setMessage("the service's database did not answer; retry the call (a retry with the same request_id answers as the first)")
                    .addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(RETRY_DELAY).build()))
                    .build();
            return StatusProto.toStatusRuntimeException(status);
        }
        return Status.INTERNAL.withDescription("internal error; the service has logged it").asRuntimeException();
    }
}
