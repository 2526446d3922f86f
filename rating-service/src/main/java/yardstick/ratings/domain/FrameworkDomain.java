package yardstick.ratings.domain;

import java.util.List;

/** A domain of the framework, for example 2 "Court disposals". */
public record FrameworkDomain(int number, String name, List<Standard> standards) {

    public FrameworkDomain {
        standards = List.copyOf(standards);
    }
}
