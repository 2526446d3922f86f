package yardstick.ratings.app;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.ratings.store.RatingRecords;
import yardstick.ratings.v1.ActsInForce;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.RatingSnapshot;

/** Reads an inspection's rating snapshots, one by number or a page of them, newest first. */
@Singleton
public class ReadingRatingSnapshots {

    /** What comes between the inspection and the number in a snapshot's name. */
    public static final String SNAPSHOTS = "/ratingSnapshots/";

    public record GetSnapshot(String inspection, int number) {
    }

    /** @param offset how many of the newest snapshots to pass over */
    public record ListSnapshots(String inspection, int offset, int size) {
    }

    /** @param more whether snapshots older than these are left */
    public record Page(List<RatingSnapshot> snapshots, boolean more) {
    }

    private final RatingRecords records;

    ReadingRatingSnapshots(RatingRecords records) {
        this.records = records;
    }

    @Transactional(readOnly = true)
    public Optional<RatingSnapshot> snapshot(Caller caller, GetSnapshot command) {
        return records.snapshot(command.inspection(), command.number()).map(ReadingRatingSnapshots::message);
    }

    @Transactional(readOnly = true)
    public Page page(Caller caller, ListSnapshots command) {
        List<RatingRecords.Snapshot> found = records.snapshots(command.inspection(), command.offset(), command.size() + 1);
        return new Page(found.stream().limit(command.size()).map(ReadingRatingSnapshots::message).toList(), found.size() > command.size());
    }

    static RatingSnapshot message(RatingRecords.Snapshot stored) {
        try {
            RatingSnapshot.Builder snapshot = RatingSnapshot.newBuilder()
                    .setName(stored.inspection() + SNAPSHOTS + stored.number())
                    .setInspection(stored.inspection())
                    .setNumber(stored.number())
                    .setFramework(stored.framework())
                    .setInputs(CalculateRatingsRequest.parseFrom(stored.inputs()))
                    .setRatings(CalculateRatingsResponse.parseFrom(stored.ratings()))
                    .setSubmittedCases(stored.submittedCases())
                    .setRequestedBy(stored.requestedBy())
                    .setCreateTime(Times.timestamp(stored.createTime()))
                    .setResettlementCases(stored.resettlementCases());
            if (stored.actsInForce() != null) {
                snapshot.setActsInForce(ActsInForce.parseFrom(stored.actsInForce()));
            }
            return snapshot.build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("snapshot " + stored.number() + " of " + stored.inspection() + " is unreadable", e);
        }
    }
}
