package yardstick.platform.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Instants as protobuf timestamps and back. */
public final class Times {

    private Times() {
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
