package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What case-service needs of a framework version to check judgements: its case-based key
 * questions, the category of cases each is judged on, the disposal types it is limited to (Kent's
 * 3.4.2: youth conditional cautions only), and its prompts' letters.
 */
public record FrameworkQuestions(String framework, Map<String, Question> questions) {

    public record Question(String id, String standard, CaseCategory category, Set<DisposalType> onlyFor, List<String> prompts) {

        /** Whether the key question is asked of this case: its category and, where limited, its disposal. */
        public boolean appliesTo(EligibleCase eligible) {
            return category == eligible.category() && (onlyFor.isEmpty() || onlyFor.contains(eligible.disposalType()));
        }
    }

    public FrameworkQuestions {
        questions = new LinkedHashMap<>(questions);
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    /** The key questions asked of a case, in the framework's order. */
    public List<Question> askedOf(EligibleCase eligible) {
        List<Question> asked = new ArrayList<>();
        questions.values().forEach(q -> {
            if (q.appliesTo(eligible)) {
                asked.add(q);
            }
        });
        return asked;
    }
}
