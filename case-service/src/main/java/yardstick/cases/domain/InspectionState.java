package yardstick.cases.domain;

import java.util.Optional;

/** The stages of an inspection. It moves forward only, one stage at a time. */
public enum InspectionState {
    PLANNING,
    SAMPLING,
    FIELDWORK,
    RATING,
    CLOSED;

    private static final InspectionState[] VALUES = values();

    public Optional<InspectionState> next() {
        return ordinal() + 1 < VALUES.length ? Optional.of(VALUES[ordinal() + 1]) : Optional.empty();
    }

    /** Staying put, or the next stage; never back, never skipping one. */
    public boolean mayMoveTo(InspectionState target) {
        return target == this || next().map(n -> n == target).orElse(false);
    }
}
