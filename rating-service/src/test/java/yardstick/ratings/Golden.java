package yardstick.ratings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.DiscretionDecision;
import yardstick.ratings.v1.KeyQuestionTally;
import yardstick.ratings.v1.QualitativeRating;

/** A published inspection's figures (src/test/resources/golden), as rating inputs and expected ratings. */
public record Golden(String framework, JsonNode json) {

    public static final Golden KENT = load("kent-2021.json", "frameworks/youth-2019");
    public static final Golden HARROW = load("harrow-2021.json", "frameworks/youth-2021");

    private static Golden load(String file, String framework) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file)) {
            return new Golden(framework, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Published rating of each standard, e.g. "3.4" -> "GOOD". */
    public Map<String, String> publishedRatings() {
        Map<String, String> ratings = new LinkedHashMap<>();
        json.get("ratings").fields().forEachRemaining(e -> ratings.put(e.getKey(), e.getValue().get("rating").asText()));
        return ratings;
    }

    public int publishedScore() {
        return json.get("score").asInt();
    }

    public String publishedOverall() {
        return json.get("overall").asText();
    }

    /** The key questions' counts, numbered by their order within each standard (2.1.1, 2.1.2, ...). */
    public List<KeyQuestionTally> tallies() {
        List<KeyQuestionTally> tallies = new ArrayList<>();
        Map<String, Integer> position = new LinkedHashMap<>();
        for (JsonNode question : json.get("key_questions")) {
            String standard = question.get("standard").asText();
            int number = position.merge(standard, 1, Integer::sum);
            tallies.add(KeyQuestionTally.newBuilder()
                    .setKeyQuestion(standard + "." + number)
                    .setYes(question.get("counts").get("yes").asInt())
                    .setApplicable(question.get("counts").get("applicable").asInt())
                    .build());
        }
        return tallies;
    }

    /** The inputs as published: tallies, the qualitative ratings, and the panel's discretion decisions. */
    public CalculateRatingsRequest request(List<String> qualitativeStandards) {
        CalculateRatingsRequest.Builder request = CalculateRatingsRequest.newBuilder()
                .setFramework(framework)
                .addAllKeyQuestionTallies(tallies());
        for (String standard : qualitativeStandards) {
            request.addQualitativeRatings(QualitativeRating.newBuilder()
                    .setStandard(standard)
                    .setRating(yardstick.common.v1.Rating.valueOf("RATING_" + publishedRatings().get(standard)))
                    .setRationale("as published"));
        }
        for (JsonNode decision : json.get("discretion")) {
            request.addDiscretionDecisions(DiscretionDecision.newBuilder()
                    .setStandard(decision.get("standard").asText())
                    .setRating(yardstick.common.v1.Rating.valueOf("RATING_" + decision.get("to").asText()))
                    .setRationale(decision.get("basis").asText()));
        }
        return request.build();
    }
}
