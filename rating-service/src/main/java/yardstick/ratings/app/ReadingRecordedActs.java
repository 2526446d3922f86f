package yardstick.ratings.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import yardstick.platform.identity.Caller;
import yardstick.ratings.store.RatingRecords;
import yardstick.ratings.v1.RecordedDiscretionDecision;
import yardstick.ratings.v1.RecordedQualitativeRating;

/** The history of an inspection's qualitative ratings and discretion decisions: every act, oldest first, with how it ended. */
@Singleton
public class ReadingRecordedActs {

    private final RatingRecords records;

    ReadingRecordedActs(RatingRecords records) {
        this.records = records;
    }

    @Transactional(readOnly = true)
    public List<RecordedQualitativeRating> qualitativeRatings(Caller caller, String inspection) {
        return records.qualitativeHistory(inspection).stream().map(ActMessages::qualitative).toList();
    }

    @Transactional(readOnly = true)
    public List<RecordedDiscretionDecision> discretionDecisions(Caller caller, String inspection) {
        return records.discretionHistory(inspection).stream().map(ActMessages::discretion).toList();
    }
}
