package yardstick.ratings.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A key question, identified by standard and position ("2.1.3"), with its lettered prompts. */
public record KeyQuestion(
        String id,
        String text,
        Optional<KeyQuestionArea> area,
        Optional<Applicability> applicability,
        List<Prompt> prompts) {

    public KeyQuestion {
        prompts = List.copyOf(prompts);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add("key question " + id + " has no text");
        }
        for (int p = 0; p < prompts.size(); p++) {
            String expected = String.valueOf((char) ('a' + p));
            if (!prompts.get(p).letter().equals(expected)) {
                problems.add("prompt " + prompts.get(p).letter() + " of " + id + " should be lettered " + expected);
            }
            if (prompts.get(p).text() == null || prompts.get(p).text().isBlank()) {
                problems.add("prompt " + expected + " of " + id + " has no text");
            }
        }
        return problems;
    }
}
