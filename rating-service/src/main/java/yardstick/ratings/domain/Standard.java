package yardstick.ratings.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A standard, for example 2.1 "Assessment". A case-based standard is judged on cases of one
 * category; a qualitative one by the lead inspector. A standard rated separately (resettlement,
 * 4.1) does not count towards the score.
 */
public record Standard(
        String id,
        String name,
        StandardBasis basis,
        Optional<CaseCategory> caseCategory,
        boolean ratedSeparately,
        String statement,
        List<KeyQuestion> keyQuestions) {

    public Standard {
        keyQuestions = List.copyOf(keyQuestions);
    }

    public boolean isCaseBased() {
        return basis == StandardBasis.CASE_BASED;
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("standard " + id + " has no name");
        }
        if (isCaseBased() && caseCategory.isEmpty()) {
            problems.add("case-based standard " + id + " names no case category");
        }
        if (isCaseBased() && keyQuestions.isEmpty()) {
            problems.add("case-based standard " + id + " has no key questions");
        }
        for (int k = 0; k < keyQuestions.size(); k++) {
            KeyQuestion question = keyQuestions.get(k);
            String expected = id + "." + (k + 1);
            if (!question.id().equals(expected)) {
                problems.add("key question " + question.id() + " should be " + expected + " (its position in " + id + ")");
            }
            if (isCaseBased() && question.area().isEmpty()) {
                problems.add("case-based key question " + question.id() + " has no area");
            }
            problems.addAll(question.problems());
        }
        return problems;
    }
}
