package yardstick.ratings;

import io.micronaut.runtime.Micronaut;

/** rating-service: the framework as versioned data, and the ratings computed from judgements. */
public final class RatingServiceApplication {

    private RatingServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(RatingServiceApplication.class).banner(false).start();
    }
}
