package yardstick.ratings.peers;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import yardstick.cases.v1.ClassificationCount;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.platform.peers.Peer;
import yardstick.ratings.domain.KeyQuestionTally;

/** What rating-service asks case-service: the inspection's framework and stage, and the tallies of its judgements. */
@Singleton
public class CaseServiceClient {

    /** The stages of an inspection, as case-service moves it through them. */
    public enum Stage {
        PLANNING, SAMPLING, FIELDWORK, RATING, CLOSED, UNKNOWN
    }

    /** What rating-service needs to know of an inspection: the framework it is judged by and the stage it is in. */
    public record InspectionSeen(String framework, Stage stage) {
    }

    /**
     * The tallies of an inspection's submitted judgements, per key question, how many cases were
     * submitted, and how many active sampled cases are resettlement cases.
     */
    public record JudgementTallies(List<KeyQuestionTally> keyQuestions, int submittedCases, int resettlementCases) {
    }

    private static final String CATEGORY = "CATEGORY";
    private static final String RESETTLEMENT = "RESETTLEMENT";

    private final Peer caseService;

    public CaseServiceClient(@Named("case-service") Peer caseService) {
        this.caseService = caseService;
    }

    /** The inspection's framework and stage, or empty when case-service has no inspection of that name. */
    public Optional<InspectionSeen> inspection(String inspection) {
        return caseService.find(InspectionServiceGrpc::newBlockingStub,
                stub -> stub.getInspection(GetInspectionRequest.newBuilder().setName(inspection).build()).getInspection())
                .map(found -> new InspectionSeen(found.getFramework(), stage(found.getState())));
    }

    public JudgementTallies tallies(String inspection) {
        GetJudgementTalliesResponse counted = caseService.call(JudgementServiceGrpc::newBlockingStub,
                stub -> stub.getJudgementTallies(GetJudgementTalliesRequest.newBuilder().setInspection(inspection).build()));
        int resettlement = counted.getCompositionList().stream()
                .filter(c -> c.getClassification().equals(CATEGORY) && c.getCategory().equals(RESETTLEMENT))
                .mapToInt(ClassificationCount::getCount).sum();
        return new JudgementTallies(counted.getKeyQuestionsList().stream()
                .map(k -> new KeyQuestionTally(k.getKeyQuestion(), k.getYes(), k.getApplicable()))
                .toList(), counted.getSubmittedCases(), resettlement);
    }

    private static Stage stage(yardstick.cases.v1.InspectionState state) {
        return switch (state) {
            case INSPECTION_STATE_PLANNING -> Stage.PLANNING;
            case INSPECTION_STATE_SAMPLING -> Stage.SAMPLING;
            case INSPECTION_STATE_FIELDWORK -> Stage.FIELDWORK;
            case INSPECTION_STATE_RATING -> Stage.RATING;
            case INSPECTION_STATE_CLOSED -> Stage.CLOSED;
            case INSPECTION_STATE_UNSPECIFIED, UNRECOGNIZED -> Stage.UNKNOWN;
        };
    }
}
