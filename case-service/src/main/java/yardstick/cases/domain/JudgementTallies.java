package yardstick.cases.domain;

import java.util.Map;

/** Over an inspection's submitted judgements: yes and applicable (yes or no) per key question; yes and answered per prompt. */
public record JudgementTallies(Map<String, int[]> keyQuestions, Map<String, Map<String, int[]>> prompts, int submittedCases) {
}
