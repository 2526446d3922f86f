package yardstick.ratings.domain;

/** A prompt an inspector answers for a case, lettered a, b, c ... within its key question. */
public record Prompt(String letter, String text) {
}
