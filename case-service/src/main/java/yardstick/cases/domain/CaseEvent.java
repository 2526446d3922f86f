package yardstick.cases.domain;

import java.time.Instant;

/**
 * One thing that happened to a sampled case in fieldwork, by whom and when: assigned to an
 * inspector (from {@code previousInspector}, null for a first assignment), submitted, returned by
 * its second reader with a reason, or confirmed.
 */
public record CaseEvent(Type type, String actor, Instant time, String inspector, String previousInspector, String reason) {

    public enum Type {
        ASSIGNED, SUBMITTED, RETURNED, CONFIRMED
    }
}
