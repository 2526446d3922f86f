package yardstick.cases.domain;

/** A drawn category: its seed, method and size (size 0 for samples drawn before it was recorded). */
public record CategoryDraw(CaseCategory category, long seed, String method, int size) {
}
