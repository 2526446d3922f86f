package yardstick.ratings.domain;

import java.util.Set;

/** An adjacent rating the panel may move a standard to, and the grounds that open it. */
public record DiscretionOption(Rating rating, Set<DiscretionGround> grounds) {

    public DiscretionOption {
        grounds = Set.copyOf(grounds);
    }
}
