package yardstick.platform.testing;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Channels to a service under test over loopback, and waits on its health. */
public final class GrpcTestClients {

    private GrpcTestClients() {
    }

    public static ManagedChannel channel(ApplicationContext context) {
        int port = context.getBean(GrpcEmbeddedServer.class).getPort();
        return ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    }

    public static ServingStatus health(io.grpc.Channel channel, String service) {
        return HealthGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().setService(service).build())
                .getStatus();
    }

    /** Polls health until it reports {@code expected}, and returns the status last seen. */
    public static ServingStatus awaitHealth(io.grpc.Channel channel, String service, ServingStatus expected, Duration patience)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        ServingStatus status = health(channel, service);
        while (status != expected && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            status = health(channel, service);
        }
        return status;
    }
}
