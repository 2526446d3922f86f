package yardstick.ratings.app;

import java.util.Optional;
import yardstick.platform.grpc.Times;
import yardstick.ratings.store.RatingRecords;
import yardstick.ratings.v1.ActEnding;
import yardstick.ratings.v1.ActState;
import yardstick.ratings.v1.RecordedDiscretionDecision;
import yardstick.ratings.v1.RecordedQualitativeRating;

/**
 * Recorded acts as the contract's messages, named "inspections/{inspection}/qualitativeRatings/{id}"
 * and ".../discretionDecisions/{id}". They live with the use cases because a write's first
 * answer is kept as its message, for a retry.
 */
public final class ActMessages {

    /** What comes between the inspection and the id in a qualitative rating's name. */
    public static final String QUALITATIVE_RATINGS = "/qualitativeRatings/";
    /** What comes between the inspection and the id in a discretion decision's name. */
    public static final String DISCRETION_DECISIONS = "/discretionDecisions/";

    private ActMessages() {
    }

    /** The inspection a name of an act in {@code collection} begins with, if it is such a name. */
    public static Optional<String> inspection(String name, String collection) {
        int at = name.indexOf(collection);
        return at > 0 && id(name, collection).isPresent() ? Optional.of(name.substring(0, at)) : Optional.empty();
    }

    /** The id a name of an act in {@code collection} ends with, if it is such a name. */
    static Optional<Long> id(String name, String collection) {
        int at = name.indexOf(collection);
        if (at <= 0 || !name.startsWith("inspections/")) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(name.substring(at + collection.length()));
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static RecordedQualitativeRating qualitative(RatingRecords.QualitativeAct act) {
        RecordedQualitativeRating.Builder message = RecordedQualitativeRating.newBuilder()
                .setName(act.inspection() + QUALITATIVE_RATINGS + act.id())
                .setInspection(act.inspection())
                .setStandard(act.standard())
                .setRating(RatingMessages.rating(act.rating()))
                .setRationale(act.rationale())
                .setEvidence(act.evidence())
                .setRecordedBy(act.recordedBy())
                .setRecordTime(Times.timestamp(act.recordTime()))
                .setState(state(act.ending()));
        act.supersedes().ifPresent(id -> message.setSupersedes(act.inspection() + QUALITATIVE_RATINGS + id));
        act.ending().ifPresent(e -> message.setEnding(ending(e, act.inspection() + QUALITATIVE_RATINGS)));
        return message.build();
    }

    static RecordedDiscretionDecision discretion(RatingRecords.DiscretionAct act) {
        RecordedDiscretionDecision.Builder message = RecordedDiscretionDecision.newBuilder()
                .setName(act.inspection() + DISCRETION_DECISIONS + act.id())
                .setInspection(act.inspection())
                .setStandard(act.standard())
                .setFrom(RatingMessages.rating(act.from()))
                .setTo(RatingMessages.rating(act.to()))
                .setRationale(act.rationale())
                .setRecordedBy(act.recordedBy())
                .setRecordTime(Times.timestamp(act.recordTime()))
                .setState(state(act.ending()));
        act.grounds().forEach(g -> message.addGrounds(RatingMessages.ground(g)));
        act.supersedes().ifPresent(id -> message.setSupersedes(act.inspection() + DISCRETION_DECISIONS + id));
        act.ending().ifPresent(e -> message.setEnding(ending(e, act.inspection() + DISCRETION_DECISIONS)));
        return message.build();
    }

    private static ActState state(Optional<RatingRecords.Ending> ending) {
        return ending.map(e -> e.supersededBy().isPresent() ? ActState.ACT_STATE_SUPERSEDED : ActState.ACT_STATE_WITHDRAWN)
                .orElse(ActState.ACT_STATE_IN_FORCE);
    }

    private static ActEnding ending(RatingRecords.Ending ending, String prefix) {
        ActEnding.Builder message = ActEnding.newBuilder()
                .setReason(ending.reason())
                .setEndedBy(ending.endedBy())
                .setEndTime(Times.timestamp(ending.endTime()));
        ending.supersededBy().ifPresent(id -> message.setSupersededBy(prefix + id));
        return message.build();
    }
}
