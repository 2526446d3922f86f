package yardstick.ratings.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks the inputs of a rating against the framework, naming each bad field as the contract does. */
final class RatingInputs {

    private RatingInputs() {
    }

    static List<InputProblem> problems(Framework framework, List<KeyQuestionTally> tallies, List<QualitativeRating> qualitative,
                                       List<DiscretionDecision> decisions, double confidence) {
        List<InputProblem> problems = new ArrayList<>();
        if (!(confidence > 0 && confidence < 1)) {
            problems.add(new InputProblem("confidence", "must be a fraction between 0 and 1 (0.8 is the sampling confidence)"));
        }
        checkTallies(framework, tallies, problems);
        checkQualitative(framework, qualitative, problems);
        checkDecisions(framework, decisions, problems);
        return problems;
    }

    private static void checkTallies(Framework framework, List<KeyQuestionTally> tallies, List<InputProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tallies.size(); i++) {
            KeyQuestionTally tally = tallies.get(i);
            String field = "key_question_tallies[" + i + "]";
            Optional<Standard> standard = framework.standardOfKeyQuestion(tally.keyQuestion());
            if (standard.isEmpty()) {
                problems.add(new InputProblem(field + ".key_question", "'" + tally.keyQuestion() + "' is not a key question of "
                        + framework.name()));
            } else if (!standard.get().isCaseBased()) {
                problems.add(new InputProblem(field + ".key_question", tally.keyQuestion() + " belongs to standard "
                        + standard.get().id() + ", which is qualitative: rate it in qualitative_ratings"));
            } else if (!seen.add(tally.keyQuestion())) {
                problems.add(new InputProblem(field + ".key_question", tally.keyQuestion() + " has more than one tally"));
            }
            if (tally.yes() < 0) {
                problems.add(new InputProblem(field + ".yes", "must not be negative"));
            }
            if (tally.applicable() < 0) {
                problems.add(new InputProblem(field + ".applicable", "must not be negative"));
            }
            if (tally.applicable() > KeyQuestionTally.MOST_CASES) {
                problems.add(new InputProblem(field + ".applicable", "is " + tally.applicable() + "; a key question rests on at most "
                        + KeyQuestionTally.MOST_CASES + " applicable cases"));
            }
            if (tally.yes() > tally.applicable() && tally.applicable() >= 0) {
                problems.add(new InputProblem(field + ".yes", "is " + tally.yes() + ", more than the " + tally.applicable()
                        + " applicable cases"));
            }
        }
        Set<Standard> withApplicableCases = new HashSet<>();
        for (KeyQuestionTally tally : tallies) {
            if (tally.applicable() > 0) {
                framework.standardOfKeyQuestion(tally.keyQuestion()).ifPresent(withApplicableCases::add);
            }
        }
        for (Standard standard : framework.standards()) {
            if (!standard.isCaseBased()) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (KeyQuestion question : standard.keyQuestions()) {
                if (!seen.contains(question.id())) {
                    missing.add(question.id());
                }
            }
            if (!missing.isEmpty()) {
                problems.add(new InputProblem("key_question_tallies", "standard " + standard.id() + " has no tally for "
                        + String.join(", ", missing) + " (give applicable 0 where no case applied)"));
            } else if (!withApplicableCases.contains(standard)) {
                problems.add(new InputProblem("key_question_tallies", "standard " + standard.id()
                        + " cannot be rated: no case applied to any of its key questions"));
            }
        }
    }

    private static void checkQualitative(Framework framework, List<QualitativeRating> ratings, List<InputProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ratings.size(); i++) {
            QualitativeRating rating = ratings.get(i);
            String field = "qualitative_ratings[" + i + "]";
            Optional<Standard> standard = framework.standard(rating.standard());
            if (standard.isEmpty()) {
                problems.add(new InputProblem(field + ".standard", "'" + rating.standard() + "' is not a standard of " + framework.name()));
            } else if (standard.get().isCaseBased()) {
                problems.add(new InputProblem(field + ".standard", "standard " + rating.standard()
                        + " is case-based: its rating comes from its key questions' tallies (and discretion_decisions)"));
            } else if (!seen.add(rating.standard())) {
                problems.add(new InputProblem(field + ".standard", "standard " + rating.standard() + " is rated more than once"));
            }
            if (rating.rating() == null) {
                problems.add(new InputProblem(field + ".rating", "is required"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Standard standard : framework.standards()) {
            if (!standard.isCaseBased() && !standard.ratedSeparately() && !seen.contains(standard.id())) {
                missing.add(standard.id());
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new InputProblem("qualitative_ratings", "no rating for the qualitative standard(s) "
                    + String.join(", ", missing)));
        }
    }

    private static void checkDecisions(Framework framework, List<DiscretionDecision> decisions, List<InputProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < decisions.size(); i++) {
            DiscretionDecision decision = decisions.get(i);
            String field = "discretion_decisions[" + i + "]";
            Optional<Standard> standard = framework.standard(decision.standard());
            if (standard.isEmpty()) {
                problems.add(new InputProblem(field + ".standard", "'" + decision.standard() + "' is not a standard of " + framework.name()));
            } else if (!standard.get().isCaseBased()) {
                problems.add(new InputProblem(field + ".standard", "standard " + decision.standard()
                        + " is qualitative: professional discretion applies to case-based standards only"));
            } else if (!seen.add(decision.standard())) {
                problems.add(new InputProblem(field + ".standard", "standard " + decision.standard() + " has more than one decision"));
            }
            if (decision.rating() == null) {
                problems.add(new InputProblem(field + ".rating", "is required"));
            }
            if (decision.rationale() == null || decision.rationale().isBlank()) {
                problems.add(new InputProblem(field + ".rationale", "is required: the report must say why the panel moved the rating"));
            }
        }
    }
}
