package yardstick.suite;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import yardstick.common.v1.CaseCategory;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.CategorySettings;
import yardstick.cases.v1.DrawSampleRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.PlanSampleRequest;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SampledCase;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.SubmitCaseJudgementsRequest;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.GetFrameworkRequest;

/**
 * An inspection whose sample of court and out-of-court cases the inspector on its team has judged
 * (synthetic answers), every case submitted or every case left a draft: what the benchmarks and the
 * load driver read and edit.
 *
 * @param name "inspections/{inspection}"
 * @param judgements each sampled case's judgements as last saved, by their name
 */
record JudgedInspection(String name, Framework framework, Map<String, CaseJudgements> judgements) {

    private static final LocalDate FIELDWORK = LocalDate.of(2021, 6, 21);

    static JudgedInspection make(ManagedChannel cases, ManagedChannel ratings, SignIns signIns, int court, int outOfCourt,
                                 boolean submitted) throws Exception {
        CallCredentials lead = signIns.as(SignIns.LEAD_INSPECTOR);
        CallCredentials inspector = signIns.as(SignIns.INSPECTOR);
        Framework framework = FrameworkServiceGrpc.newBlockingStub(ratings).withDeadlineAfter(10, TimeUnit.SECONDS)
                .withCallCredentials(lead)
                .getFramework(GetFrameworkRequest.newBuilder().setName("frameworks/youth-2019").build()).getFramework();
        List<EligibleCase> population = SyntheticPopulation.cases(10 * (court + outOfCourt), 2, FIELDWORK).stream()
                .filter(c -> c.getCategory() != CaseCategory.CASE_CATEGORY_RESETTLEMENT).toList();
        Map<String, EligibleCase> byReference = population.stream().collect(Collectors.toMap(EligibleCase::getReference, Function.identity()));
        String inspection = CasesBenchmark.newInspection(cases, lead,
                InspectedServices.registered(cases, signIns.as(SignIns.ADMINISTRATOR), CasesBenchmark.BENCHMARK_SERVICE));
        InspectionStages stages = new InspectionStages(cases, lead);
        Sample sample = stages.sampled(inspection, population, 3, List.of(
                CategorySettings.newBuilder().setCategory(CaseCategory.CASE_CATEGORY_COURT).setMaximum(court).build(),
                CategorySettings.newBuilder().setCategory(CaseCategory.CASE_CATEGORY_OUT_OF_COURT).setMaximum(outOfCourt).build()));
        stages.startFieldwork(inspection, SignIns.subject(SignIns.INSPECTOR));
        JudgementServiceGrpc.JudgementServiceBlockingStub judging = JudgementServiceGrpc.newBlockingStub(cases).withCallCredentials(inspector);
        Map<String, CaseJudgements> judgements = new LinkedHashMap<>();
        for (var category : sample.getCategoriesList()) {
            for (SampledCase sampled : category.getCasesList().stream().filter(SampledCase::getActive).toList()) {
                CaseJudgements saved = judging.withDeadlineAfter(10, TimeUnit.SECONDS).updateCaseJudgements(UpdateCaseJudgementsRequest
                        .newBuilder().setJudgements(SyntheticJudgements.forCase(inspection + "/cases/" + sampled.getReference() + "/judgements",
                                framework, byReference.get(sampled.getReference()), SyntheticJudgements::hashed)).build()).getJudgements();
                if (submitted) {
                    saved = judging.withDeadlineAfter(10, TimeUnit.SECONDS).submitCaseJudgements(SubmitCaseJudgementsRequest.newBuilder()
                            .setName(saved.getName()).setEtag(saved.getEtag()).build()).getJudgements();
                }
                judgements.put(saved.getName(), saved);
            }
        }
        return new JudgedInspection(inspection, framework, judgements);
    }
}
