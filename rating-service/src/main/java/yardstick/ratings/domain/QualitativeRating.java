package yardstick.ratings.domain;

/** The lead inspector's rating of a qualitative standard (domain one, Harrow's 3.4, resettlement). */
public record QualitativeRating(String standard, Rating rating, String rationale) {
}
