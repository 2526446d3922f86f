package yardstick.platform.grpc;

import io.grpc.ServerBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * What one caller may send a service's gRPC server: a message of at most
 * {@code yardstick.limits.max-inbound-message-size} bytes (4 MiB, as every gRPC client accepts by
 * default; a stream such as ImportCases sends its rows in many such messages), and at most
 * {@code yardstick.limits.max-inbound-metadata-size} bytes of headers (16 KiB: a bearer token with
 * room to spare). A larger message is RESOURCE_EXHAUSTED before any of it is read into a request.
 */
@Singleton
class ServerLimits implements BeanCreatedEventListener<ServerBuilder<?>> {

    private final int maxInboundMessageSize;
    private final int maxInboundMetadataSize;

    ServerLimits(@Value("${yardstick.limits.max-inbound-message-size:4194304}") int maxInboundMessageSize,
                 @Value("${yardstick.limits.max-inbound-metadata-size:16384}") int maxInboundMetadataSize) {
        this.maxInboundMessageSize = maxInboundMessageSize;
        this.maxInboundMetadataSize = maxInboundMetadataSize;
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        return event.getBean().maxInboundMessageSize(maxInboundMessageSize).maxInboundMetadataSize(maxInboundMetadataSize);
    }
}
