package yardstick.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import yardstick.cases.v1.Answer;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.KeyQuestionJudgement;
import yardstick.cases.v1.PromptAnswer;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.KeyQuestion;
import yardstick.ratings.v1.Standard;
import yardstick.ratings.v1.StandardBasis;

/** Made-up judgements for sampled cases: every key question and prompt the framework asks of a case answered. */
public final class SyntheticJudgements {

    private SyntheticJudgements() {
    }

    /** The key questions of the framework asked of a case: its category's case-based standards, within any disposal limit. */
    public static List<KeyQuestion> askedOf(Framework framework, EligibleCase eligible) {
        List<KeyQuestion> asked = new ArrayList<>();
        for (var domain : framework.getDomainsList()) {
            for (Standard standard : domain.getStandardsList()) {
                if (standard.getBasis() == StandardBasis.STANDARD_BASIS_CASE_BASED && standard.getCaseCategory() == eligible.getCategory()) {
                    for (KeyQuestion question : standard.getKeyQuestionsList()) {
                        List<?> only = question.getApplicability().getDisposalTypesList();
                        if (only.isEmpty() || only.contains(eligible.getDisposalType())) {
                            asked.add(question);
                        }
                    }
                }
            }
        }
        return asked;
    }

    /** A full set of judgements for a case, each answer chosen by {@code answer} from a key naming the case, question and prompt. */
    public static CaseJudgements.Builder forCase(String name, Framework framework, EligibleCase eligible, Function<String, Answer> answer) {
        CaseJudgements.Builder judgements = CaseJudgements.newBuilder().setName(name);
        for (KeyQuestion question : askedOf(framework, eligible)) {
            KeyQuestionJudgement.Builder judgement = KeyQuestionJudgement.newBuilder().setKeyQuestion(question.getId())
                    .setJudgement(answer.apply(eligible.getReference() + question.getId())).setNote("case file and interview");
            question.getPromptsList().forEach(p -> judgement.addPrompts(PromptAnswer.newBuilder().setPrompt(p.getLetter())
                    .setAnswer(answer.apply(eligible.getReference() + question.getId() + p.getLetter()))));
            judgements.addKeyQuestions(judgement);
        }
        return judgements;
    }

    /** Answers spread 60 per cent yes, 30 no, 10 not applicable, the same for the same key. */
    public static Answer hashed(String key) {
        int h = Math.floorMod(key.hashCode(), 10);
        return h < 6 ? Answer.ANSWER_YES : h < 9 ? Answer.ANSWER_NO : Answer.ANSWER_NOT_APPLICABLE;
    }
}
