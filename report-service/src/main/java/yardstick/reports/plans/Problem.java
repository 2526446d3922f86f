package yardstick.reports.plans;

/** A bad value in what was asked: the field (a dotted path within the thing checked) and what to do about it. */
public record Problem(String field, String description) {

    public Problem within(String prefix) {
        return new Problem(prefix + "." + field, description);
    }
}
