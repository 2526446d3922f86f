package yardstick.reports.peers;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.GetPopulationSummaryRequest;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.PopulationServiceGrpc;
import yardstick.cases.v1.PopulationSummary;
import yardstick.cases.v1.GetSamplePlanRequest;
import yardstick.cases.v1.GetSampleRequest;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.SamplePlan;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.platform.peers.Peer;

/** What report-service asks case-service: the register of inspected services, the inspection, its eligible population's make-up, its sample plan and drawn sample and the judgements' tallies. */
@Singleton
public class CaseServiceClient {

    private final Peer caseService;

    public CaseServiceClient(@Named("case-service") Peer caseService) {
        this.caseService = caseService;
    }

    public Optional<Inspection> inspection(String name) {
        return caseService.find(InspectionServiceGrpc::newBlockingStub,
                stub -> stub.getInspection(GetInspectionRequest.newBuilder().setName(name).build()).getInspection());
    }

    /** Every service in the register, page by page. */
    public java.util.List<yardstick.cases.v1.InspectedService> inspectedServices() {
        java.util.List<yardstick.cases.v1.InspectedService> services = new java.util.ArrayList<>();
        String token = "";
        do {
            String pageToken = token;
            yardstick.cases.v1.ListInspectedServicesResponse page = caseService.call(yardstick.cases.v1.InspectedServiceServiceGrpc::newBlockingStub,
                    stub -> stub.listInspectedServices(yardstick.cases.v1.ListInspectedServicesRequest.newBuilder()
                            .setPageSize(200).setPageToken(pageToken).build()));
            services.addAll(page.getInspectedServicesList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return services;
    }

    public Optional<SamplePlan> samplePlan(String inspection) {
        return caseService.find(SamplingServiceGrpc::newBlockingStub,
                stub -> stub.getSamplePlan(GetSamplePlanRequest.newBuilder().setInspection(inspection).build()).getPlan());
    }

    /** The drawn sample (its method and seed per category, for Annexe 1); empty when none is drawn. */
    public Optional<Sample> sample(String inspection) {
        return caseService.find(SamplingServiceGrpc::newBlockingStub,
                stub -> stub.getSample(GetSampleRequest.newBuilder().setInspection(inspection).build()).getSample());
    }

    public PopulationSummary populationSummary(String inspection) {
        return caseService.call(PopulationServiceGrpc::newBlockingStub,
                stub -> stub.getPopulationSummary(GetPopulationSummaryRequest.newBuilder().setInspection(inspection).build()).getSummary());
    }

    public GetJudgementTalliesResponse tallies(String inspection) {
        return caseService.call(JudgementServiceGrpc::newBlockingStub,
                stub -> stub.getJudgementTallies(GetJudgementTalliesRequest.newBuilder().setInspection(inspection).build()));
    }
}
