package yardstick.suite;

import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import yardstick.ratings.v1.CalculateRatingsRequest;

/**
 * Kent 2021's published rating inputs as a CalculateRatings request
 * ({@code requests/kent-2021-calculate-ratings.json}: key-question counts consistent with the
 * published percentages, domain one's ratings, and the panel's decision on 3.4).
 */
public final class KentInputs {

    private KentInputs() {
    }

    public static CalculateRatingsRequest request() {
        try (InputStream in = KentInputs.class.getResourceAsStream("/requests/kent-2021-calculate-ratings.json")) {
            CalculateRatingsRequest.Builder request = CalculateRatingsRequest.newBuilder();
            JsonFormat.parser().merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), request);
            return request.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
