package yardstick.ratings.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.common.v1.Rating;
import yardstick.ratings.Golden;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.DiscretionDecision;
import yardstick.ratings.v1.KeyQuestionTally;
import yardstick.ratings.v1.QualitativeRating;
import yardstick.ratings.v1.RatingServiceGrpc;

/** Bad input to CalculateRatings: each is refused with the field or rule named. */
@MicronautTest(transactional = false)
class CalculateRatingsBadInputTest extends GrpcServiceTest {

    private RatingServiceGrpc.RatingServiceBlockingStub ratings;

    @BeforeEach
    void stub() {
        ratings = RatingServiceGrpc.newBlockingStub(channel);
    }

    @Test
    void anUnknownFrameworkIsNamed() throws Exception {
        assertBadFields(r -> r.setFramework("frameworks/youth-1999"), "framework");
    }

    @Test
    void anUnknownKeyQuestionIsNamed() throws Exception {
        assertBadFields(r -> r.addKeyQuestionTallies(tally("2.1.9", 1, 2)), "key_question_tallies[23].key_question");
    }

    @Test
    void moreYesThanApplicableCasesIsNamed() throws Exception {
        assertBadFields(r -> r.setKeyQuestionTallies(0, tally("2.1.1", 40, 39)), "key_question_tallies[0].yes");
    }

    @Test
    void negativeCountsAreNamed() throws Exception {
        assertBadFields(r -> r.setKeyQuestionTallies(1, tally("2.1.2", -1, -3)),
                "key_question_tallies[1].yes", "key_question_tallies[1].applicable");
    }

    @Test
    void keyQuestionCountsNearElevenMillionAreRefusedNamingTheBound() throws Exception {
        // 200 times 10.9 million overflows an int: this answered INTERNAL.
        BadRequest details = assertBadFields(r -> r.setKeyQuestionTallies(0, tally("2.1.1", 10_900_000, 11_000_000)),
                "key_question_tallies[0].applicable");
        assertTrue(details.getFieldViolations(0).getDescription().contains("at most 1000000"), details.toString());
    }

    @Test
    void aCaseBasedStandardWithoutAllItsTalliesIsNamed() throws Exception {
        BadRequest details = assertBadFields(r -> r.removeKeyQuestionTallies(2), "key_question_tallies");
        assertTrue(details.getFieldViolations(0).getDescription().contains("2.1.3"), details.toString());
    }

    @Test
    void aQualitativeRatingOnACaseBasedStandardIsNamed() throws Exception {
        assertBadFields(r -> r.addQualitativeRatings(QualitativeRating.newBuilder().setStandard("2.1").setRating(Rating.RATING_GOOD)),
                "qualitative_ratings[4].standard");
    }

    @Test
    void discretionOnAQualitativeStandardIsNamed() throws Exception {
        assertBadFields(r -> r.addDiscretionDecisions(decision("1.2", Rating.RATING_GOOD)), "discretion_decisions[1].standard");
    }

    @Test
    void aMissingQualitativeRatingAndAnUnspecifiedRatingAreNamed() throws Exception {
        assertBadFields(r -> r.removeQualitativeRatings(0).setQualitativeRatings(0,
                QualitativeRating.newBuilder().setStandard("1.2").setRating(Rating.RATING_UNSPECIFIED)),
                "qualitative_ratings[0].rating", "qualitative_ratings");
    }

    @Test
    void aDiscretionDecisionNoGroundAllowsIsAFailedPreconditionSayingWhy() throws Exception {
        // Kent's 2.3 is Good on 68 per cent (21 of 31): Outstanding is 12 points away, no single
        // judgement reaches it, and it rests on 31 cases.
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> ratings.calculateRatings(
                kent().addDiscretionDecisions(decision("2.3", Rating.RATING_OUTSTANDING)).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, error.getStatus().getCode());
        assertTrue(error.getStatus().getDescription().contains("no ground allows"), error.getStatus().getDescription());
        PreconditionFailure details = StatusProto.fromThrowable(error).getDetails(0).unpack(PreconditionFailure.class);
        assertEquals("standards/2.3", details.getViolations(0).getSubject());
    }

    private BadRequest assertBadFields(UnaryOperator<CalculateRatingsRequest.Builder> change, String... fields)
            throws InvalidProtocolBufferException {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
                () -> ratings.calculateRatings(change.apply(kent()).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        assertEquals(List.of(fields).stream().sorted().toList(),
                details.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).sorted().toList(),
                details.toString());
        return details;
    }

    private static CalculateRatingsRequest.Builder kent() {
        return Golden.KENT.request(List.of("1.1", "1.2", "1.3", "1.4")).toBuilder();
    }

    private static KeyQuestionTally tally(String keyQuestion, int yes, int applicable) {
        return KeyQuestionTally.newBuilder().setKeyQuestion(keyQuestion).setYes(yes).setApplicable(applicable).build();
    }

    private static DiscretionDecision decision(String standard, Rating rating) {
        return DiscretionDecision.newBuilder().setStandard(standard).setRating(rating).setRationale("panel").build();
    }
}
