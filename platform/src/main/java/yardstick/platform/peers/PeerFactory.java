package yardstick.platform.peers;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;

@Factory
class PeerFactory {

    @EachBean(PeerConfiguration.class)
    @Bean(preDestroy = "close")
    Peer peer(PeerConfiguration configuration) {
        return new Peer(configuration.getName(), configuration.getAddress(), configuration.getDeadline());
    }
}
