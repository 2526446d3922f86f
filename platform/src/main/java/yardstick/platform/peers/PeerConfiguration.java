package yardstick.platform.peers;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;

/**
 * {@code yardstick.peers.<name>.address}, {@code .deadline} and {@code .tls}: where a neighbour
 * listens, and whether it is reached over TLS even when no trusted bundle is configured
 * ({@code yardstick.tls.trust} makes every peer TLS).
 */
@EachProperty("yardstick.peers")
public class PeerConfiguration {

    private final String name;
    private String address;
    private Duration deadline = Duration.ofSeconds(5);
    private boolean tls;

    public PeerConfiguration(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Duration getDeadline() {
        return deadline;
    }

    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    public boolean isTls() {
        return tls;
    }

    public void setTls(boolean tls) {
        this.tls = tls;
    }
}
