package yardstick.reports.peers;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetSamplePlanRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.SamplePlan;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.platform.peers.Peer;

/** What report-service asks case-service: the inspection and its sample plan. */
@Singleton
public class CaseServiceClient {

    private final Peer caseService;

    public CaseServiceClient(@Named("case-service") Peer caseService) {
        this.caseService = caseService;
    }

    public Optional<Inspection> inspection(String name) {
        return absentIfNotFound(() -> caseService.call(InspectionServiceGrpc::newBlockingStub,
                stub -> stub.getInspection(GetInspectionRequest.newBuilder().setName(name).build())).getInspection());
    }

    public Optional<SamplePlan> samplePlan(String inspection) {
        return absentIfNotFound(() -> caseService.call(SamplingServiceGrpc::newBlockingStub,
                stub -> stub.getSamplePlan(GetSamplePlanRequest.newBuilder().setInspection(inspection).build())).getPlan());
    }

    static <T> Optional<T> absentIfNotFound(java.util.function.Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
