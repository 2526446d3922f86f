package yardstick.platform.tls;

import io.grpc.ServerBuilder;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the service's gRPC server serve TLS only, when {@link TlsSettings} has a certificate and
 * key. Done here rather than by micronaut-grpc's {@code grpc.server.ssl.*}, which silently serves
 * plaintext when a configured file is missing.
 */
@Singleton
class GrpcServerTls implements BeanCreatedEventListener<ServerBuilder<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcServerTls.class);

    private final TlsSettings settings;

    GrpcServerTls(TlsSettings settings) {
        this.settings = settings;
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        ServerBuilder<?> builder = event.getBean();
        if (settings.serves()) {
            LOG.info("gRPC serves TLS only, with the certificate chain {}", settings.certificateChain().toAbsolutePath());
            builder.useTransportSecurity(settings.certificateChain().toFile(), settings.privateKey().toFile());
        }
        return builder;
    }
}
