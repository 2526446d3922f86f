package yardstick.cases.domain;

import java.time.Instant;
import java.util.List;

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
}
