package yardstick.cases.domain;

/** One bad field of a request, named as the contract names it, and what a person must do about it. */
public record FieldProblem(String field, String description) {
}
