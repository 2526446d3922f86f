package yardstick.ratings.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import yardstick.platform.app.Bounds;
import yardstick.platform.app.PageTokens;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Errors;
import yardstick.platform.grpc.Pages;
import yardstick.platform.grpc.Refusals;
import yardstick.platform.identity.Caller;
import yardstick.ratings.app.ComputingRatings;
import yardstick.ratings.app.RatingMessages;
import yardstick.ratings.app.RatingRefusals;
import yardstick.ratings.app.ReadingRatingSnapshots;
import yardstick.ratings.app.RecordingDiscretionDecision;
import yardstick.ratings.app.ReadingRecordedActs;
import yardstick.ratings.app.RecordingQualitativeRating;
import yardstick.ratings.app.WithdrawingRecordedAct;
import yardstick.ratings.domain.DiscretionRefusedException;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.FrameworkLibrary;
import yardstick.ratings.domain.RatingInputException;
import yardstick.ratings.domain.RatingRules;
import yardstick.ratings.domain.Ratings;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.ComputeRatingsResponse;
import yardstick.ratings.v1.GetRatingSnapshotRequest;
import yardstick.ratings.v1.GetRatingSnapshotResponse;
import yardstick.ratings.v1.ListDiscretionDecisionsRequest;
import yardstick.ratings.v1.ListDiscretionDecisionsResponse;
import yardstick.ratings.v1.ListQualitativeRatingsRequest;
import yardstick.ratings.v1.ListQualitativeRatingsResponse;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.ListRatingSnapshotsResponse;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.RecordDiscretionDecisionRequest;
import yardstick.ratings.v1.RecordDiscretionDecisionResponse;
import yardstick.ratings.v1.RecordQualitativeRatingRequest;
import yardstick.ratings.v1.RecordQualitativeRatingResponse;
import yardstick.ratings.v1.RecordedDiscretionDecision;
import yardstick.ratings.v1.RecordedQualitativeRating;
import yardstick.ratings.v1.WithdrawDiscretionDecisionRequest;
import yardstick.ratings.v1.WithdrawDiscretionDecisionResponse;
import yardstick.ratings.v1.WithdrawQualitativeRatingRequest;
import yardstick.ratings.v1.WithdrawQualitativeRatingResponse;

@Singleton
public class RatingEndpoint extends RatingServiceGrpc.RatingServiceImplBase {

    private final FrameworkLibrary library;
    private final RecordingQualitativeRating recordingQualitativeRating;
    private final RecordingDiscretionDecision recordingDiscretionDecision;
    private final ComputingRatings computingRatings;
    private final ReadingRatingSnapshots readingSnapshots;
    private final WithdrawingRecordedAct withdrawingAct;
    private final ReadingRecordedActs readingActs;

    /** The use cases of stored inspections may be null where only CalculateRatings is served (the benchmark). */
    public RatingEndpoint(FrameworkLibrary library, RecordingQualitativeRating recordingQualitativeRating,
                          RecordingDiscretionDecision recordingDiscretionDecision, WithdrawingRecordedAct withdrawingAct,
                          ReadingRecordedActs readingActs,
                          ComputingRatings computingRatings, ReadingRatingSnapshots readingSnapshots) {
        this.library = library;
        this.recordingQualitativeRating = recordingQualitativeRating;
        this.recordingDiscretionDecision = recordingDiscretionDecision;
        this.withdrawingAct = withdrawingAct;
        this.readingActs = readingActs;
        this.computingRatings = computingRatings;
        this.readingSnapshots = readingSnapshots;
    }

    /** The ratings of a request's inputs; the rules' own exceptions when they cannot be rated. */
    static Ratings rate(Framework framework, CalculateRatingsRequest request) {
        double confidence = request.getConfidence() == 0 ? RatingRules.DEFAULT_CONFIDENCE : request.getConfidence();
        return RatingRules.calculate(framework,
                request.getKeyQuestionTalliesList().stream().map(RatingMessages::tally).toList(),
                request.getQualitativeRatingsList().stream().map(RatingMessages::qualitative).toList(),
                request.getDiscretionDecisionsList().stream().map(RatingMessages::decision).toList(),
                confidence);
    }

    /** Rates the inputs given, storing nothing: a calculation the rules answer alone. */
    @Override
    public void calculateRatings(CalculateRatingsRequest request, StreamObserver<CalculateRatingsResponse> response) {
        Framework framework = library.find(request.getFramework()).orElseThrow(() -> Errors.invalidArgument("framework",
                "'" + request.getFramework() + "' is not a framework; ListFrameworks names them, e.g. frameworks/youth-2021"));
        Ratings ratings;
        try {
            ratings = rate(framework, request);
        } catch (RatingInputException e) {
            throw Refusals.status(RatingRefusals.badInput(e.problems()));
        } catch (DiscretionRefusedException e) {
            throw Refusals.status(RatingRefusals.discretionGround(e));
        }
        response.onNext(RatingMessages.response(ratings));
        response.onCompleted();
    }

    @Override
    public void recordQualitativeRating(RecordQualitativeRatingRequest request, StreamObserver<RecordQualitativeRatingResponse> response) {
        RecordedQualitativeRating given = request.getRating();
        Refusals.answer(response, () -> recordingQualitativeRating.record(Caller.current(), new RecordingQualitativeRating.Command(
                given.getInspection(), given.getStandard(), RatingMessages.rating(given.getRating()), given.getRationale(), given.getEvidence(),
                given.getSupersedes(), request.getSupersedeReason(), request.getRequestId(), request)));
    }

    @Override
    public void recordDiscretionDecision(RecordDiscretionDecisionRequest request, StreamObserver<RecordDiscretionDecisionResponse> response) {
        RecordedDiscretionDecision given = request.getDecision();
        Refusals.answer(response, () -> recordingDiscretionDecision.record(Caller.current(), new RecordingDiscretionDecision.Command(
                given.getInspection(), given.getStandard(), RatingMessages.rating(given.getTo()), given.getRationale(), given.getSupersedes(),
                request.getSupersedeReason(), request.getRequestId(), request)));
    }

    @Override
    public void withdrawQualitativeRating(WithdrawQualitativeRatingRequest request, StreamObserver<WithdrawQualitativeRatingResponse> response) {
        Refusals.answer(response, () -> withdrawingAct.qualitativeRating(Caller.current(), new WithdrawingRecordedAct.Command<>(
                request.getName(), request.getReason(), request.getRequestId(), request)));
    }

    @Override
    public void withdrawDiscretionDecision(WithdrawDiscretionDecisionRequest request,
                                           StreamObserver<WithdrawDiscretionDecisionResponse> response) {
        Refusals.answer(response, () -> withdrawingAct.discretionDecision(Caller.current(), new WithdrawingRecordedAct.Command<>(
                request.getName(), request.getReason(), request.getRequestId(), request)));
    }

    @Override
    public void listQualitativeRatings(ListQualitativeRatingsRequest request, StreamObserver<ListQualitativeRatingsResponse> response) {
        Pages.Page<RecordedQualitativeRating> page = Pages.page(readingActs.qualitativeRatings(Caller.current(), request.getInspection()),
                request.getPageSize(), request.getPageToken(), 50, 200);
        response.onNext(ListQualitativeRatingsResponse.newBuilder().addAllRatings(page.items()).setNextPageToken(page.nextPageToken()).build());
        response.onCompleted();
    }

    @Override
    public void listDiscretionDecisions(ListDiscretionDecisionsRequest request, StreamObserver<ListDiscretionDecisionsResponse> response) {
        Pages.Page<RecordedDiscretionDecision> page = Pages.page(readingActs.discretionDecisions(Caller.current(), request.getInspection()),
                request.getPageSize(), request.getPageToken(), 50, 200);
        response.onNext(ListDiscretionDecisionsResponse.newBuilder().addAllDecisions(page.items()).setNextPageToken(page.nextPageToken())
                .build());
        response.onCompleted();
    }

    @Override
    public void computeRatings(ComputeRatingsRequest request, StreamObserver<ComputeRatingsResponse> response) {
        Refusals.answer(response, () -> computingRatings.compute(Caller.current(),
                new ComputingRatings.Command(request.getInspection(), request.getRequestId(), request)));
    }

    @Override
    public void getRatingSnapshot(GetRatingSnapshotRequest request, StreamObserver<GetRatingSnapshotResponse> response) {
        String name = request.getName();
        int at = name.indexOf(ReadingRatingSnapshots.SNAPSHOTS);
        if (at < 0) {
            throw Errors.invalidArgument("name", "must be of the form inspections/{inspection}/ratingSnapshots/{number}");
        }
        int number;
        try {
            number = Integer.parseInt(name.substring(at + ReadingRatingSnapshots.SNAPSHOTS.length()));
        } catch (NumberFormatException e) {
            throw Errors.invalidArgument("name", "must end with the snapshot's number");
        }
        ReadingRatingSnapshots.GetSnapshot wanted = new ReadingRatingSnapshots.GetSnapshot(name.substring(0, at), number);
        response.onNext(GetRatingSnapshotResponse.newBuilder()
                .setSnapshot(readingSnapshots.snapshot(Caller.current(), wanted).orElseThrow(() -> Errors.notFound(name))).build());
        response.onCompleted();
    }

    @Override
    public void listRatingSnapshots(ListRatingSnapshotsRequest request, StreamObserver<ListRatingSnapshotsResponse> response) {
        int size;
        int offset;
        try {
            size = Bounds.pageSize(request.getPageSize(), 20, 100);
            offset = PageTokens.intOffset(request.getPageToken());
        } catch (Refused refused) {
            throw Refusals.status(refused);
        }
        ReadingRatingSnapshots.Page page = readingSnapshots.page(Caller.current(),
                new ReadingRatingSnapshots.ListSnapshots(request.getInspection(), offset, size));
        ListRatingSnapshotsResponse.Builder answer = ListRatingSnapshotsResponse.newBuilder().addAllSnapshots(page.snapshots());
        if (page.more()) {
            answer.setNextPageToken(PageTokens.ofOffset((long) offset + size));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }
}
