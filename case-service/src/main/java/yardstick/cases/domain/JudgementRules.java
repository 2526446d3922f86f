package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What must be true of a case's judgements, as drafted and when submitted. */
public final class JudgementRules {

    private JudgementRules() {
    }

    /** Problems with a draft: unknown key questions or prompts, or ones not asked of this case. */
    public static List<FieldProblem> draftProblems(FrameworkQuestions framework, EligibleCase eligible, List<KeyQuestionJudgement> judgements) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < judgements.size(); i++) {
            KeyQuestionJudgement judgement = judgements.get(i);
            String prefix = "judgements.key_questions[" + i + "].";
            Optional<FrameworkQuestions.Question> question = framework.question(judgement.keyQuestion());
            if (question.isEmpty()) {
                problems.add(new FieldProblem(prefix + "key_question", "'" + judgement.keyQuestion()
                        + "' is not a case-based key question of " + framework.framework()));
                continue;
            }
            if (!question.get().appliesTo(eligible)) {
                problems.add(new FieldProblem(prefix + "key_question", judgement.keyQuestion() + " is not asked of "
                        + eligible.reference() + ", a " + eligible.category() + " case with a " + eligible.disposalType()
                        + (question.get().onlyFor().isEmpty() ? "" : "; it is asked only for " + question.get().onlyFor())));
            }
            if (!seen.add(judgement.keyQuestion())) {
                problems.add(new FieldProblem(prefix + "key_question", judgement.keyQuestion() + " is judged twice"));
            }
            Set<String> prompts = new HashSet<>();
            for (int p = 0; p < judgement.prompts().size(); p++) {
                KeyQuestionJudgement.PromptAnswer answer = judgement.prompts().get(p);
                String field = prefix + "prompts[" + p + "]";
                if (!question.get().prompts().contains(answer.prompt())) {
                    problems.add(new FieldProblem(field + ".prompt", "'" + answer.prompt() + "' is not a prompt of "
                            + judgement.keyQuestion() + " (its prompts are " + question.get().prompts() + ")"));
                } else if (!prompts.add(answer.prompt())) {
                    problems.add(new FieldProblem(field + ".prompt", "prompt " + answer.prompt() + " is answered twice"));
                }
                if (answer.answer() == null) {
                    problems.add(new FieldProblem(field + ".answer", "is required: yes, no or not applicable"));
                }
            }
        }
        return problems;
    }

    /** Problems that stop a submission: every key question asked of the case needs a judgement. */
    public static List<FieldProblem> submissionProblems(FrameworkQuestions framework, EligibleCase eligible,
                                                        List<KeyQuestionJudgement> judgements) {
        List<FieldProblem> problems = new ArrayList<>(draftProblems(framework, eligible, judgements));
        Set<String> judged = new HashSet<>();
        judgements.stream().filter(j -> j.judgement() != null).forEach(j -> judged.add(j.keyQuestion()));
        for (FrameworkQuestions.Question question : framework.askedOf(eligible)) {
            if (!judged.contains(question.id())) {
                problems.add(new FieldProblem("judgements.key_questions", "key question " + question.id()
                        + " has no judgement (yes, no or not applicable)"));
            }
        }
        return problems;
    }
}
