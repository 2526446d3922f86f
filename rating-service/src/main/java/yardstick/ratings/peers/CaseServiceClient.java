package yardstick.ratings.peers;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.platform.peers.Peer;
import yardstick.ratings.domain.KeyQuestionTally;

/** What rating-service asks case-service: the inspection's framework, and the tallies of its judgements. */
@Singleton
public class CaseServiceClient {

    /** The tallies of an inspection's submitted judgements, per key question, and how many cases were submitted. */
    public record JudgementTallies(List<KeyQuestionTally> keyQuestions, int submittedCases) {
    }

    private final Peer caseService;

    public CaseServiceClient(@Named("case-service") Peer caseService) {
        this.caseService = caseService;
    }

    /** The name of the framework the inspection is judged by, or empty when case-service has no inspection of that name. */
    public Optional<String> framework(String inspection) {
        return caseService.find(InspectionServiceGrpc::newBlockingStub,
                stub -> stub.getInspection(GetInspectionRequest.newBuilder().setName(inspection).build()).getInspection().getFramework());
    }

    public JudgementTallies tallies(String inspection) {
        GetJudgementTalliesResponse counted = caseService.call(JudgementServiceGrpc::newBlockingStub,
                stub -> stub.getJudgementTallies(GetJudgementTalliesRequest.newBuilder().setInspection(inspection).build()));
        return new JudgementTallies(counted.getKeyQuestionsList().stream()
                .map(k -> new KeyQuestionTally(k.getKeyQuestion(), k.getYes(), k.getApplicable()))
                .toList(), counted.getSubmittedCases());
    }
}
