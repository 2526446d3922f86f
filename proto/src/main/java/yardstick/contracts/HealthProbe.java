package yardstick.contracts;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Asks a service's standard gRPC health service how it is. Run as a program it is the
 * container health check: {@code java -cp ... yardstick.contracts.HealthProbe localhost:50051}
 * exits 0 only when the service answers SERVING. It speaks TLS when {@code YARDSTICK_TLS_TRUST}
 * names the certificate authorities to trust (then the service's certificate must name the host
 * probed, {@code localhost} inside its container).
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    /** The serving status at {@code address} ("host:port"), or UNKNOWN when nothing answers in time. */
    public static ServingStatus check(String address, Duration deadline) {
        ManagedChannel channel = Channels.openFromEnvironment(address);
        try {
            return HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus();
        } catch (StatusRuntimeException e) {
            return ServingStatus.UNKNOWN;
        } finally {
            channel.shutdownNow();
        }
    }

    /**
     * As a health check the probe is a fresh JVM, whose first call also loads and starts the whole
     * client (Netty, TLS): seconds on a busy machine, which a short deadline would count as down.
     * The engine's own timeout of the check bounds it anyway.
     */
    private static final Duration PROGRAM_DEADLINE = Duration.ofSeconds(8);

    public static void main(String[] args) {
        String address = args.length > 0 ? args[0] : "localhost:50051";
        ServingStatus status = check(address, PROGRAM_DEADLINE);
        System.out.println(address + " " + status);
        System.exit(status == ServingStatus.SERVING ? 0 : 1);
    }
}
