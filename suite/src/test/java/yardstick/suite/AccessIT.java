package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.DrawSampleRequest;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetSampleRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.PlanSampleRequest;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;
import yardstick.cases.v1.UpdateInspectionRequest;
import yardstick.platform.testing.TestIdentity;
import yardstick.ratings.v1.RecordDiscretionDecisionRequest;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.RecordedDiscretionDecision;

/**
 * Children's case data kept to those who need it, through real processes: an inspector outside an
 * inspection's team reads neither its sample nor its judgements, and judges none of its cases,
 * while one on the team does; a neighbouring service's identity calling what it does not need is refused.
 */
class AccessIT {

    private static RunningServices services;
    private static ManagedChannel cases;
    private static ManagedChannel ratings;
    private static String inspection;
    private static Sample sample;

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("access", Service.RATINGS, Service.CASES);
        cases = services.plainChannel(Service.CASES);
        ratings = services.plainChannel(Service.RATINGS);
        ManagedChannel asTester = services.channel(Service.CASES);
        try {
            inspection = PopulationIT.inSampling(asTester);
            PopulationIT.importCases(asTester, inspection, SyntheticPopulation.cases(120, 2021, PopulationIT.FIELDWORK), 200);
            InspectionServiceGrpc.InspectionServiceBlockingStub inspections = InspectionServiceGrpc.newBlockingStub(asTester);
            Inspection current = inspections.getInspection(GetInspectionRequest.newBuilder().setName(inspection).build()).getInspection();
            assertEquals(TestIdentity.TESTER, current.getLeadInspector(), "the lead inspector is whoever created it, from the token");
            inspections.updateInspection(UpdateInspectionRequest.newBuilder()
                    .setInspection(current.toBuilder().clearTeam().addTeam("inspector-1"))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("team")).build());
            SamplingServiceGrpc.SamplingServiceBlockingStub sampling = SamplingServiceGrpc.newBlockingStub(asTester)
                    .withDeadlineAfter(60, TimeUnit.SECONDS);
            sampling.planSample(PlanSampleRequest.newBuilder().setInspection(inspection).build());
            sample = sampling.drawSample(DrawSampleRequest.newBuilder().setInspection(inspection).setSeed(7).build()).getSample();
            InspectionStages stages = new InspectionStages(asTester, ProcessTestSupport.tester());
            stages.assign(inspection, "inspector-1", List.of(sample.getCategories(0).getCases(0).getReference()));
            stages.moveTo(inspection, yardstick.cases.v1.InspectionState.INSPECTION_STATE_FIELDWORK);
        } finally {
            asTester.shutdownNow();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        cases.shutdownNow();
        ratings.shutdownNow();
        services.close();
    }

    private static CallCredentials user(String subject) {
        return ProcessTestSupport.signIns().user(subject);
    }

    private static String aSampledCase() {
        return inspection + "/cases/" + sample.getCategories(0).getCases(0).getReference() + "/judgements";
    }

    private static void assertDenied(Runnable call) {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(Status.Code.PERMISSION_DENIED, refused.getStatus().getCode(), refused.getStatus().toString());
        assertFalse(refused.getStatus().getDescription().contains(sample.getCategories(0).getCases(0).getReference()),
                "a refusal reveals nothing the resource holds");
    }

    @Test
    void anInspectorOutsideTheTeamReadsNeitherTheSampleNorTheJudgementsAndJudgesNoCase() {
        CallCredentials outsider = user("inspector-2");
        assertDenied(() -> SamplingServiceGrpc.newBlockingStub(cases).withCallCredentials(outsider)
                .getSample(GetSampleRequest.newBuilder().setInspection(inspection).build()));
        assertDenied(() -> JudgementServiceGrpc.newBlockingStub(cases).withCallCredentials(outsider)
                .getCaseJudgements(GetCaseJudgementsRequest.newBuilder().setName(aSampledCase()).build()));
        assertDenied(() -> JudgementServiceGrpc.newBlockingStub(cases).withCallCredentials(outsider)
                .updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder()
                        .setJudgements(CaseJudgements.newBuilder().setName(aSampledCase())).build()));
    }

    @Test
    void anInspectorOnTheTeamReadsTheSampleAndTheirJudgementsNameThem() {
        CallCredentials member = user("inspector-1");
        Sample read = SamplingServiceGrpc.newBlockingStub(cases).withCallCredentials(member)
                .getSample(GetSampleRequest.newBuilder().setInspection(inspection).build()).getSample();
        assertEquals(sample.getCategoriesCount(), read.getCategoriesCount());
        CaseJudgements saved = JudgementServiceGrpc.newBlockingStub(cases).withCallCredentials(member)
                .updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder()
                        .setJudgements(CaseJudgements.newBuilder().setName(aSampledCase())).build()).getJudgements();
        assertEquals("inspector-1", saved.getJudgedBy(), "the judgement names the inspector from the token");
        assertTrue(saved.hasJudgeTime());
    }

    @Test
    void aNeighboursIdentityCallingWhatItDoesNotNeedIsRefused() {
        CallCredentials reportService = yardstick.suite.SignIns.bearer(TestIdentity.tokens().clientCredentials("report-service"));
        StatusRuntimeException judging = assertThrows(StatusRuntimeException.class, () -> JudgementServiceGrpc.newBlockingStub(cases)
                .withCallCredentials(reportService).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder()
                        .setJudgements(CaseJudgements.newBuilder().setName(aSampledCase())).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, judging.getStatus().getCode());
        assertTrue(judging.getStatus().getDescription().contains("'judgements.write'"), judging.getStatus().getDescription());
        CallCredentials caseService = yardstick.suite.SignIns.bearer(TestIdentity.tokens().clientCredentials("case-service"));
        StatusRuntimeException deciding = assertThrows(StatusRuntimeException.class, () -> RatingServiceGrpc.newBlockingStub(ratings)
                .withCallCredentials(caseService).recordDiscretionDecision(RecordDiscretionDecisionRequest.newBuilder()
                        .setDecision(RecordedDiscretionDecision.newBuilder().setInspection(inspection)).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, deciding.getStatus().getCode());
        assertTrue(deciding.getStatus().getDescription().contains("'ratings.discretion'"), deciding.getStatus().getDescription());
    }

    @Test
    void thePurgeCommandSignsInAsTheAdministratorAndFindsNothingPastItsRetention() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Yardstick.class.getName(), "purge").redirectErrorStream(true);
        builder.environment().putAll(services.environment());
        Process command = builder.start();
        command.getOutputStream().close();
        String output = new String(command.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(command.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, command.exitValue(), output);
        assertTrue(output.contains("No inspection's case data is past its retention: nothing purged."), output);
        assertEquals(SamplingServiceGrpc.newBlockingStub(cases).withCallCredentials(user("inspector-1"))
                .getSample(GetSampleRequest.newBuilder().setInspection(inspection).build()).getSample().getCategoriesCount(),
                sample.getCategoriesCount(), "an open inspection's sample is untouched");
    }
}
