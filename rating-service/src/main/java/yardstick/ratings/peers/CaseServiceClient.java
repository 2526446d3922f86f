package yardstick.ratings.peers;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.platform.peers.Peer;

/** What rating-service asks case-service: the inspection, and the tallies of its judgements. */
@Singleton
public class CaseServiceClient {

    private final Peer caseService;

    public CaseServiceClient(@Named("case-service") Peer caseService) {
        this.caseService = caseService;
    }

    /** The inspection, or empty when case-service has none of that name. */
    public Optional<Inspection> inspection(String name) {
        return caseService.find(InspectionServiceGrpc::newBlockingStub,
                stub -> stub.getInspection(GetInspectionRequest.newBuilder().setName(name).build()).getInspection());
    }

    /** The tallies of the inspection's submitted judgements. */
    public GetJudgementTalliesResponse tallies(String inspection) {
        return caseService.call(JudgementServiceGrpc::newBlockingStub,
                stub -> stub.getJudgementTallies(GetJudgementTalliesRequest.newBuilder().setInspection(inspection).build()));
    }
}
