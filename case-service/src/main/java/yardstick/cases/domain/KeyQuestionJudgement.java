package yardstick.cases.domain;

import java.util.List;

/** An inspector's judgement on one key question for one case, with the prompts' answers. */
public record KeyQuestionJudgement(String keyQuestion, Answer judgement, String note, List<PromptAnswer> prompts) {

    public KeyQuestionJudgement {
        prompts = List.copyOf(prompts);
    }

    public record PromptAnswer(String prompt, Answer answer) {
    }
}
