package yardstick.cases.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judgements on a case as recorded, version 0 when none are yet, and who last changed and who
 * submitted them, and when (null until they have).
 */
public record RecordedJudgements(long version, boolean submitted, List<KeyQuestionJudgement> judgements, String judgedBy,
                                 Instant judgeTime, String submittedBy, Instant submitTime) {

    /** The etag of this version; empty while nothing is recorded. */
    public String etag() {
        return version == 0 ? "" : "\"" + version + "\"";
    }

    /**
     * The next version, a draft of {@code judgements} by {@code inspector} at {@code at}, as it is
     * recorded and read back: key questions, and each one's prompts, in order of their codes; a
     * missing note empty; a key question or prompt given twice as it was given last. Who submitted
     * an earlier version, if anyone, stays on record.
     */
    public RecordedJudgements drafted(List<KeyQuestionJudgement> judgements, String inspector, Instant at) {
        Map<String, KeyQuestionJudgement> byKeyQuestion = new LinkedHashMap<>();
        judgements.forEach(j -> byKeyQuestion.put(j.keyQuestion(), j));
        List<KeyQuestionJudgement> recorded = byKeyQuestion.values().stream()
                .sorted(Comparator.comparing(KeyQuestionJudgement::keyQuestion))
                .map(j -> {
                    Map<String, KeyQuestionJudgement.PromptAnswer> byPrompt = new LinkedHashMap<>();
                    j.prompts().forEach(a -> byPrompt.put(a.prompt(), a));
                    return new KeyQuestionJudgement(j.keyQuestion(), j.judgement(), j.note() == null ? "" : j.note(),
                            byPrompt.values().stream().sorted(Comparator.comparing(KeyQuestionJudgement.PromptAnswer::prompt)).toList());
                })
                .toList();
        return new RecordedJudgements(version + 1, false, recorded, inspector, at, submittedBy, submitTime);
    }
}
