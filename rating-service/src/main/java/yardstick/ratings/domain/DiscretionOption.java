package yardstick.ratings.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** An adjacent rating the panel may move a standard to, and the grounds that open it (in the order of Annexe 1). */
public record DiscretionOption(Rating rating, Set<DiscretionGround> grounds) {

    public DiscretionOption {
        grounds = Collections.unmodifiableSet(EnumSet.copyOf(grounds));
    }
}
