package yardstick.ratings.api;

import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.KeyQuestionCount;
import yardstick.platform.grpc.Errors;
import yardstick.platform.identity.Caller;
import yardstick.platform.grpc.Times;
import yardstick.platform.store.RequestRecords;
import yardstick.ratings.domain.DiscretionDecision;
import yardstick.ratings.domain.DiscretionGround;
import yardstick.ratings.domain.DiscretionOption;
import yardstick.ratings.domain.DiscretionRefusedException;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.FrameworkLibrary;
import yardstick.ratings.domain.KeyQuestion;
import yardstick.ratings.domain.KeyQuestionTally;
import yardstick.ratings.domain.Rating;
import yardstick.ratings.domain.RatingInputException;
import yardstick.ratings.domain.Ratings;
import yardstick.ratings.domain.RatingRules;
import yardstick.ratings.domain.Standard;
import yardstick.ratings.domain.StandardRating;
import yardstick.ratings.peers.CaseServiceClient;
import yardstick.ratings.store.RatingRecords;
import yardstick.ratings.v1.CalculateRatingsRequest;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.ComputeRatingsResponse;
import yardstick.ratings.v1.ListRatingSnapshotsRequest;
import yardstick.ratings.v1.ListRatingSnapshotsResponse;
import yardstick.ratings.v1.QualitativeRating;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.ratings.v1.RecordedDiscretionDecision;
import yardstick.ratings.v1.RecordedQualitativeRating;

/**
 * Rating stored inspections: recording qualitative ratings and discretion decisions as acts, and
 * computing numbered snapshots from case-service's tallies and the acts in force.
 */
@Singleton
public class InspectionRatings {

    private static final String SNAPSHOTS = "/ratingSnapshots/";

    private final FrameworkLibrary library;
    private final CaseServiceClient caseService;
    private final RatingRecords records;
    private final RequestRecords requests;

    InspectionRatings(FrameworkLibrary library, CaseServiceClient caseService, RatingRecords records, RequestRecords requests) {
        this.library = library;
        this.caseService = caseService;
        this.records = records;
        this.requests = requests;
    }

    RecordedQualitativeRating recordQualitative(RecordedQualitativeRating given) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        Rating rating = RatingMessages.rating(given.getRating());
        if (rating == null) {
            problems.add(new Errors.FieldViolation("rating.rating", "is required"));
        }
        requireText(given.getRationale(), "rating.rationale", "why the standard earns this rating", problems);
        Framework framework = framework(given.getInspection(), "rating.inspection");
        Optional<Standard> standard = framework.standard(given.getStandard());
        if (standard.isEmpty()) {
            problems.add(new Errors.FieldViolation("rating.standard", "'" + given.getStandard() + "' is not a standard of " + framework.name()));
        } else if (standard.get().isCaseBased()) {
            problems.add(new Errors.FieldViolation("rating.standard", "standard " + given.getStandard()
                    + " is case-based: its rating comes from the judgements (and discretion decisions)"));
        }
        refuse(problems);
        Instant now = now();
        records.add(new RatingRecords.QualitativeAct(given.getInspection(), given.getStandard(), rating.name(), given.getRationale(),
                given.getEvidence(), Caller.current().subject(), now));
        return given.toBuilder().setRecordedBy(Caller.current().subject()).setRecordTime(Times.timestamp(now)).build();
    }

    RecordedDiscretionDecision recordDiscretion(RecordedDiscretionDecision given) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        Rating to = RatingMessages.rating(given.getTo());
        if (to == null) {
            problems.add(new Errors.FieldViolation("decision.to", "is required: the rating the panel decided on"));
        }
        requireText(given.getRationale(), "decision.rationale", "the report must say why the panel moved the rating", problems);
        Framework framework = framework(given.getInspection(), "decision.inspection");
        Optional<Standard> standard = framework.standard(given.getStandard());
        if (standard.isEmpty()) {
            problems.add(new Errors.FieldViolation("decision.standard", "'" + given.getStandard() + "' is not a standard of " + framework.name()));
        } else if (!standard.get().isCaseBased()) {
            problems.add(new Errors.FieldViolation("decision.standard", "standard " + given.getStandard()
                    + " is qualitative: professional discretion applies to case-based standards only"));
        }
        refuse(problems);
        List<KeyQuestionTally> tallies = tallies(caseService.tallies(given.getInspection()));
        StandardRating.CaseBased rated;
        try {
            rated = RatingRules.rateCaseBasedStandard(standard.get(), tallies,
                    Optional.of(new DiscretionDecision(given.getStandard(), to, given.getRationale())));
        } catch (DiscretionRefusedException e) {
            throw Errors.failedPrecondition(new Errors.Violation("DISCRETION_GROUND", "standards/" + e.standard(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw Errors.failedPrecondition(new Errors.Violation("NOT_READY", "standards/" + given.getStandard(), e.getMessage()));
        }
        DiscretionOption option = rated.discretionOptions().stream().filter(o -> o.rating() == to).findFirst().orElseThrow();
        Instant now = now();
        RatingRecords.DiscretionAct act = new RatingRecords.DiscretionAct(given.getInspection(), given.getStandard(), rated.band().name(),
                to.name(), option.grounds().stream().map(Enum::name).collect(Collectors.joining(",")), given.getRationale(),
                Caller.current().subject(), now);
        records.add(act);
        return decision(act);
    }

    ComputeRatingsResponse compute(ComputeRatingsRequest request) {
        List<Errors.FieldViolation> problems = new ArrayList<>();
        if (request.getRequestId().isBlank()) {
            problems.add(new Errors.FieldViolation("request_id", "is required: a UUID, so that a retry is safe"));
        }
        refuse(problems);
        Framework framework = framework(request.getInspection(), "inspection");
        GetJudgementTalliesResponse counted = caseService.tallies(request.getInspection());
        CalculateRatingsRequest inputs = inputs(framework, counted, request.getInspection());
        Ratings ratings;
        try {
            ratings = RatingEndpoint.rate(framework, inputs);
        } catch (RatingInputException e) {
            throw Errors.failedPrecondition(new Errors.Violation("NOT_READY", request.getInspection(), "the inspection cannot be rated yet: "
                    + e.problems().stream().map(p -> p.description()).collect(Collectors.joining("; "))));
        } catch (DiscretionRefusedException e) {
            throw Errors.failedPrecondition(new Errors.Violation("DISCRETION_GROUND", "standards/" + e.standard(), e.getMessage()));
        }
        CalculateRatingsResponse rated = RatingMessages.response(ratings);
        return requests.once(request.getRequestId(), "request_id", request, ComputeRatingsResponse.parser(), () ->
                ComputeRatingsResponse.newBuilder().setSnapshot(snapshot(records.addSnapshot(request.getInspection(), framework.name(),
                        inputs.toByteArray(), rated.toByteArray(), counted.getSubmittedCases(), Caller.current().subject(), now()))).build());
    }

    RatingSnapshot snapshot(String name) {
        int at = name.indexOf(SNAPSHOTS);
        if (at < 0) {
            throw Errors.invalidArgument("name", "must be of the form inspections/{inspection}/ratingSnapshots/{number}");
        }
        int number;
        try {
            number = Integer.parseInt(name.substring(at + SNAPSHOTS.length()));
        } catch (NumberFormatException e) {
            throw Errors.invalidArgument("name", "must end with the snapshot's number");
        }
        return records.snapshot(name.substring(0, at), number).map(InspectionRatings::snapshot).orElseThrow(() -> Errors.notFound(name));
    }

    ListRatingSnapshotsResponse snapshots(ListRatingSnapshotsRequest request) {
        if (request.getPageSize() < 0) {
            throw Errors.invalidArgument("page_size", "must not be negative");
        }
        int size = request.getPageSize() == 0 ? 20 : Math.min(request.getPageSize(), 100);
        int offset = 0;
        if (!request.getPageToken().isEmpty()) {
            try {
                offset = Integer.parseInt(request.getPageToken());
            } catch (NumberFormatException e) {
                throw Errors.invalidArgument("page_token", "was not issued by this method");
            }
        }
        List<RatingRecords.Snapshot> page = records.snapshots(request.getInspection(), offset, size + 1);
        ListRatingSnapshotsResponse.Builder answer = ListRatingSnapshotsResponse.newBuilder();
        page.stream().limit(size).forEach(s -> answer.addSnapshots(snapshot(s)));
        if (page.size() > size) {
            answer.setNextPageToken(String.valueOf(offset + size));
        }
        return answer.build();
    }

    /** The inputs of a rating: every case-based key question's tally (0 where none applied), and the acts in force. */
    private CalculateRatingsRequest inputs(Framework framework, GetJudgementTalliesResponse counted, String inspection) {
        Map<String, KeyQuestionCount> byQuestion = new HashMap<>();
        counted.getKeyQuestionsList().forEach(k -> byQuestion.put(k.getKeyQuestion(), k));
        CalculateRatingsRequest.Builder inputs = CalculateRatingsRequest.newBuilder().setFramework(framework.name());
        for (Standard standard : framework.standards()) {
            if (standard.isCaseBased()) {
                for (KeyQuestion question : standard.keyQuestions()) {
                    KeyQuestionCount count = byQuestion.getOrDefault(question.id(), KeyQuestionCount.getDefaultInstance());
                    inputs.addKeyQuestionTallies(yardstick.ratings.v1.KeyQuestionTally.newBuilder()
                            .setKeyQuestion(question.id()).setYes(count.getYes()).setApplicable(count.getApplicable()));
                }
            }
        }
        for (RatingRecords.QualitativeAct act : records.qualitativeInForce(inspection)) {
            inputs.addQualitativeRatings(QualitativeRating.newBuilder().setStandard(act.standard())
                    .setRating(RatingMessages.rating(Rating.valueOf(act.rating()))).setRationale(act.rationale()));
        }
        for (RatingRecords.DiscretionAct act : records.discretionInForce(inspection)) {
            inputs.addDiscretionDecisions(yardstick.ratings.v1.DiscretionDecision.newBuilder().setStandard(act.standard())
                    .setRating(RatingMessages.rating(Rating.valueOf(act.to()))).setRationale(act.rationale()));
        }
        return inputs.build();
    }

    private static List<KeyQuestionTally> tallies(GetJudgementTalliesResponse counted) {
        return counted.getKeyQuestionsList().stream()
                .map(k -> new KeyQuestionTally(k.getKeyQuestion(), k.getYes(), k.getApplicable()))
                .toList();
    }

    private Framework framework(String inspection, String field) {
        if (!inspection.startsWith("inspections/")) {
            throw Errors.invalidArgument(field, "must be of the form inspections/{inspection}");
        }
        Inspection found = caseService.inspection(inspection).orElseThrow(() -> Errors.notFound(inspection));
        return library.find(found.getFramework()).orElseThrow(() -> Errors.failedPrecondition(new Errors.Violation("FRAMEWORK",
                inspection, "the inspection's framework " + found.getFramework() + " is not one this service knows")));
    }

    private static RatingSnapshot snapshot(RatingRecords.Snapshot stored) {
        try {
            return RatingSnapshot.newBuilder()
                    .setName(stored.inspection() + SNAPSHOTS + stored.number())
                    .setInspection(stored.inspection())
                    .setNumber(stored.number())
                    .setFramework(stored.framework())
                    .setInputs(CalculateRatingsRequest.parseFrom(stored.inputs()))
                    .setRatings(CalculateRatingsResponse.parseFrom(stored.ratings()))
                    .setSubmittedCases(stored.submittedCases())
                    .setRequestedBy(stored.requestedBy())
                    .setCreateTime(Times.timestamp(stored.createTime()))
                    .build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("snapshot " + stored.number() + " of " + stored.inspection() + " is unreadable", e);
        }
    }

    private static RecordedDiscretionDecision decision(RatingRecords.DiscretionAct act) {
        RecordedDiscretionDecision.Builder message = RecordedDiscretionDecision.newBuilder()
                .setInspection(act.inspection())
                .setStandard(act.standard())
                .setFrom(RatingMessages.rating(Rating.valueOf(act.from())))
                .setTo(RatingMessages.rating(Rating.valueOf(act.to())))
                .setRationale(act.rationale())
                .setRecordedBy(act.recordedBy())
                .setRecordTime(Times.timestamp(act.recordTime()));
        Arrays.stream(act.grounds().split(",")).filter(g -> !g.isBlank())
                .forEach(g -> message.addGrounds(RatingMessages.ground(DiscretionGround.valueOf(g))));
        return message.build();
    }

    private static void requireText(String value, String field, String why, List<Errors.FieldViolation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Errors.FieldViolation(field, "is required: " + why));
        }
    }

    private static void refuse(List<Errors.FieldViolation> problems) {
        if (!problems.isEmpty()) {
            throw Errors.invalidArgument(problems);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
