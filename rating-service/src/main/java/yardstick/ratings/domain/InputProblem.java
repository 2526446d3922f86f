package yardstick.ratings.domain;

/** One thing wrong with the inputs of a rating: the field (as the contract names it) and what is wrong. */
public record InputProblem(String field, String description) {
}
