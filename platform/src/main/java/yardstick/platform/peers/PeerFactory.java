package yardstick.platform.peers;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import java.nio.file.Path;
import yardstick.platform.identity.ServiceCredentials;
import yardstick.platform.tls.TlsSettings;

@Factory
class PeerFactory {

    @EachBean(PeerConfiguration.class)
    @Bean(preDestroy = "close")
    Peer peer(PeerConfiguration configuration, ServiceCredentials identity, TlsSettings tls) {
        String address = configuration.getAddress();
        // host:port, always: a bare name or number would be looked up as a host on port 80. Replicas
        // without one name for them all are listed, host:port,host:port, and the calls go round them.
        String one = "(?:[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+]):[0-9]{1,5}";
        if (address == null || !address.matches(one + "(?:," + one + ")*")) {
            throw new IllegalStateException("yardstick.peers." + configuration.getName()
                    + ".address must be host:port (or host:port,host:port for replicas), not '" + address + "'");
        }
        Path trust = tls.trustedAuthorities().orElse(null);
        return new Peer(configuration.getName(), address, configuration.getDeadline(), identity, configuration.isTls(), trust);
    }
}
