package yardstick.cases.domain;

import java.time.Instant;

/**
 * Where one active sampled case stands in fieldwork: whom it is assigned to (null while
 * unassigned), whether judgements are recorded and submitted, whether its last submission was
 * returned by its second reader, who submitted it, and its place in the moderation sample.
 */
public record CaseProgress(String reference, String inspector, boolean started, boolean submitted, boolean returned,
                           String submittedBy, boolean pickedByLead, boolean inRandomShare, String confirmedBy, Instant confirmTime) {

    /** Where the case stands once a draft of its judgements is recorded: started, and nothing else changed. */
    public CaseProgress drafted() {
        return new CaseProgress(reference, inspector, true, submitted, returned, submittedBy, pickedByLead, inRandomShare, confirmedBy,
                confirmTime);
    }

    public boolean selectedForModeration() {
        return pickedByLead || inRandomShare;
    }

    public ModerationStatus moderation() {
        if (!selectedForModeration()) {
            return ModerationStatus.NOT_SELECTED;
        }
        if (!submitted) {
            return ModerationStatus.AWAITING_SUBMISSION;
        }
        return confirmedBy == null ? ModerationStatus.AWAITING_READER : ModerationStatus.CONFIRMED;
    }

    /** The case's own inspectors, who may not be its second reader: the one it is assigned to, and who submitted it. */
    public boolean ownInspector(String subject) {
        return subject.equals(inspector) || subject.equals(submittedBy);
    }

    /** Where a case's moderation by a second reader stands. */
    public enum ModerationStatus {
        NOT_SELECTED, AWAITING_SUBMISSION, AWAITING_READER, CONFIRMED
    }
}
