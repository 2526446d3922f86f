package yardstick.contracts;

import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one place a channel to a Yardstick service is built: TLS trusting a PEM bundle of
 * certificate authorities when one is given, TLS trusting the JVM's own authorities when TLS is
 * asked for without one, plaintext otherwise (local mode).
 */
public final class Channels {

    /** The variable naming the PEM bundle of certificate authorities a client trusts. */
    public static final String TRUST_VARIABLE = "YARDSTICK_TLS_TRUST";

    private Channels() {
    }

    /**
     * @param address "host:port", or a service's replicas as "host:port,host:port"
     * @param tls whether to speak TLS even without {@code trust}
     * @param trust a PEM bundle of certificate authorities, or null
     * @param interceptors what every call on the channel passes through
     */
    public static ManagedChannel open(String address, boolean tls, Path trust, ClientInterceptor... interceptors) {
        // round_robin over every address the name resolves to: a service's replicas share one name
        // (compose's network alias, a Kubernetes headless Service), and each call goes to the next.
        return Grpc.newChannelBuilder(AddressList.target(address), credentials(tls, trust)).defaultLoadBalancingPolicy("round_robin")
                .intercept(interceptors).build();
    }

    /** As {@link #open}, trusting the bundle named by {@value #TRUST_VARIABLE} when it is set. */
    public static ManagedChannel openFromEnvironment(String address) {
        String trust = System.getenv(TRUST_VARIABLE);
        return open(address, false, trust == null || trust.isBlank() ? null : Path.of(trust.trim()));
    }

    private static ChannelCredentials credentials(boolean tls, Path trust) {
        if (trust != null) {
            try {
                return TlsChannelCredentials.newBuilder().trustManager(trust.toFile()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the trusted certificates " + trust, e);
            }
        }
        return tls ? TlsChannelCredentials.create() : InsecureChannelCredentials.create();
    }
}
