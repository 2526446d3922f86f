package yardstick.platform.peers;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;

/** {@code yardstick.peers.<name>.address} and {@code .deadline}: where a neighbour listens. */
@EachProperty("yardstick.peers")
public class PeerConfiguration {

    private final String name;
    private String address;
    private Duration deadline = Duration.ofSeconds(5);

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
}
