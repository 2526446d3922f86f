package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import yardstick.cases.v1.Answer;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.KeyQuestionCount;
import yardstick.cases.v1.KeyQuestionJudgement;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SampledCase;
import yardstick.cases.v1.SubmitCaseJudgementsRequest;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.platform.testing.TestIdentity;
import yardstick.ratings.v1.GetFrameworkRequest;

/** Judging every sampled case through case-service, checked against the framework from rating-service, and tallied. */
class JudgementsIT {

    private static RunningServices services;
    private static ManagedChannel cases;
    private static ManagedChannel ratings;
    private static Framework kent;
    private static Map<String, EligibleCase> population;

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("judgements", Service.RATINGS, Service.CASES);
        cases = services.channel(Service.CASES);
        ratings = services.channel(Service.RATINGS);
        kent = FrameworkServiceGrpc.newBlockingStub(ratings).getFramework(
                GetFrameworkRequest.newBuilder().setName("frameworks/youth-2019").build()).getFramework();
        population = SyntheticPopulation.cases(300, 99, PopulationIT.FIELDWORK).stream()
                .collect(Collectors.toMap(EligibleCase::getReference, Function.identity()));
    }

    @AfterAll
    static void stop() throws Exception {
        cases.shutdownNow();
        ratings.shutdownNow();
        services.close();
    }

    static JudgementServiceGrpc.JudgementServiceBlockingStub judging(ManagedChannel channel) {
        return JudgementServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** The population imported, the sample drawn with {@code seed}, every case assigned to the tester (the lead), and into fieldwork. */
    static Sample sampled(ManagedChannel channel, String inspection, List<EligibleCase> cases, long seed) throws Exception {
        InspectionStages stages = new InspectionStages(channel, ProcessTestSupport.tester());
        Sample sample = stages.sampled(inspection, cases, seed, List.of());
        stages.startFieldwork(inspection, TestIdentity.TESTER);
        return sample;
    }

    static CaseJudgements.Builder judgements(String name, Framework framework, EligibleCase eligible, Function<String, Answer> answer) {
        return SyntheticJudgements.forCase(name, framework, eligible, answer);
    }

    static Answer hashed(String key) {
        return SyntheticJudgements.hashed(key);
    }

    static String name(String inspection, String reference) {
        return inspection + "/cases/" + reference + "/judgements";
    }

    @Test
    void everySampledCaseIsJudgedAndTheTalliesCountTheSubmittedJudgements() throws Exception {
        String inspection = PopulationIT.newInspection(cases);
        Sample sample = sampled(cases, inspection, List.copyOf(population.values()), 5);
        Map<String, int[]> expected = new TreeMap<>();
        int sampledCases = 0;
        for (var category : sample.getCategoriesList()) {
            for (SampledCase sampledCase : category.getCasesList()) {
                sampledCases++;
                EligibleCase eligible = population.get(sampledCase.getReference());
                CaseJudgements saved = judging(cases).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder()
                        .setJudgements(judgements(name(inspection, sampledCase.getReference()), kent, eligible, JudgementsIT::hashed))
                        .build()).getJudgements();
                judging(cases).submitCaseJudgements(SubmitCaseJudgementsRequest.newBuilder().setName(saved.getName())
                        .setEtag(saved.getEtag()).build());
                for (KeyQuestionJudgement judgement : saved.getKeyQuestionsList()) {
                    int[] counts = expected.computeIfAbsent(judgement.getKeyQuestion(), k -> new int[2]);
                    counts[0] += judgement.getJudgement() == Answer.ANSWER_YES ? 1 : 0;
                    counts[1] += judgement.getJudgement() == Answer.ANSWER_NOT_APPLICABLE ? 0 : 1;
                }
            }
        }
        GetJudgementTalliesResponse tallies = judging(cases).getJudgementTallies(
                GetJudgementTalliesRequest.newBuilder().setInspection(inspection).build());
        assertEquals(sampledCases, tallies.getSubmittedCases());
        assertEquals(sampledCases, tallies.getSampledCases());
        assertEquals("frameworks/youth-2019", tallies.getFramework());
        Map<String, List<Integer>> actual = tallies.getKeyQuestionsList().stream().collect(Collectors.toMap(
                KeyQuestionCount::getKeyQuestion, k -> List.of(k.getYes(), k.getApplicable()), (a, b) -> a, TreeMap::new));
        assertEquals(expected.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()[0], e.getValue()[1]),
                (a, b) -> a, TreeMap::new)), actual);
        assertTrue(tallies.getPromptsCount() > 0);
        assertTrue(tallies.getCompositionList().stream().anyMatch(c -> c.getClassification().equals("CATEGORY")));
    }

    @Test
    void badJudgementsAreRefusedNamingTheFieldAndStaleOrMissingOnesToo() throws Exception {
        String inspection = PopulationIT.newInspection(cases);
        Sample sample = sampled(cases, inspection, List.copyOf(population.values()), 8);
        SampledCase outOfCourt = sample.getCategoriesList().stream()
                .filter(c -> c.getCategory() == yardstick.common.v1.CaseCategory.CASE_CATEGORY_OUT_OF_COURT)
                .flatMap(c -> c.getCasesList().stream())
                .filter(c -> population.get(c.getReference()).getDisposalType() != yardstick.common.v1.DisposalType.DISPOSAL_TYPE_YOUTH_CONDITIONAL_CAUTION)
                .findFirst().orElseThrow();
        String name = name(inspection, outOfCourt.getReference());
        EligibleCase eligible = population.get(outOfCourt.getReference());

        CaseJudgements.Builder wrong = judgements(name, kent, eligible, k -> Answer.ANSWER_YES)
                .addKeyQuestions(KeyQuestionJudgement.newBuilder().setKeyQuestion("3.4.2").setJudgement(Answer.ANSWER_YES))
                .addKeyQuestions(KeyQuestionJudgement.newBuilder().setKeyQuestion("9.9.9").setJudgement(Answer.ANSWER_NO));
        int count = wrong.getKeyQuestionsCount();
        BadRequest refused = badRequest(() -> judging(cases).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder().setJudgements(wrong).build()));
        assertEquals(List.of("judgements.key_questions[" + (count - 2) + "].key_question", "judgements.key_questions[" + (count - 1) + "].key_question"),
                refused.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList());
        assertTrue(refused.getFieldViolations(0).getDescription().contains("YOUTH_CONDITIONAL_CAUTION"), refused.toString());

        CaseJudgements.Builder partial = judgements(name, kent, eligible, k -> Answer.ANSWER_YES);
        String missing = partial.getKeyQuestions(0).getKeyQuestion();
        partial.removeKeyQuestions(0);
        CaseJudgements draft = judging(cases).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder().setJudgements(partial).build()).getJudgements();
        BadRequest incomplete = badRequest(() -> judging(cases).submitCaseJudgements(
                SubmitCaseJudgementsRequest.newBuilder().setName(name).setEtag(draft.getEtag()).build()));
        assertTrue(incomplete.getFieldViolations(0).getDescription().contains(missing), incomplete.toString());

        StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () -> judging(cases).updateCaseJudgements(
                UpdateCaseJudgementsRequest.newBuilder().setJudgements(partial.setEtag("")).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, stale.getStatus().getCode());

        String notSampled = population.keySet().stream().filter(r -> sample.getCategoriesList().stream()
                .flatMap(c -> c.getCasesList().stream()).noneMatch(c -> c.getReference().equals(r))).findFirst().orElseThrow();
        StatusRuntimeException outside = assertThrows(StatusRuntimeException.class, () -> judging(cases).updateCaseJudgements(
                UpdateCaseJudgementsRequest.newBuilder().setJudgements(judgements(name(inspection, notSampled), kent,
                        population.get(notSampled), k -> Answer.ANSWER_YES)).build()));
        assertEquals(Status.Code.NOT_FOUND, outside.getStatus().getCode());
    }

    @Test
    void aDraftEditedPartByPartReadsBackAsTheLastEditEveryTime() throws Exception {
        String inspection = PopulationIT.newInspection(cases);
        Sample sample = sampled(cases, inspection, List.copyOf(population.values()), 11);
        SampledCase sampledCase = sample.getCategories(0).getCases(0);
        String name = name(inspection, sampledCase.getReference());
        CaseJudgements.Builder full = judgements(name, kent, population.get(sampledCase.getReference()), k -> Answer.ANSWER_YES);
        CaseJudgements saved = judging(cases).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder().setJudgements(full).build())
                .getJudgements();
        assertEquals(contentOf(full.build()), contentOf(saved));
        // The answer is the draft as recorded, field for field what a read then finds (the case now started).
        assertEquals(read(name), saved);

        // One key question dropped, a note and a judgement changed, a prompt's answer dropped and another's changed.
        CaseJudgements.Builder edited = saved.toBuilder();
        edited.removeKeyQuestions(0);
        edited.setKeyQuestions(0, edited.getKeyQuestions(0).toBuilder().setNote("Changed note"));
        edited.setKeyQuestions(1, edited.getKeyQuestions(1).toBuilder().setJudgement(Answer.ANSWER_NO));
        int withPrompts = java.util.stream.IntStream.range(0, edited.getKeyQuestionsCount())
                .filter(i -> edited.getKeyQuestions(i).getPromptsCount() >= 2).findFirst().orElseThrow();
        KeyQuestionJudgement.Builder prompted = edited.getKeyQuestions(withPrompts).toBuilder();
        prompted.setPrompts(1, prompted.getPrompts(1).toBuilder().setAnswer(Answer.ANSWER_NO)).removePrompts(0);
        edited.setKeyQuestions(withPrompts, prompted);
        CaseJudgements second = judging(cases).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder().setJudgements(edited).build())
                .getJudgements();
        assertEquals(contentOf(edited.build()), contentOf(second));
        assertEquals(contentOf(second), contentOf(judging(cases).getCaseJudgements(
                yardstick.cases.v1.GetCaseJudgementsRequest.newBuilder().setName(name).build()).getJudgements()));

        // And back to the first draft, the dropped key question and prompt answered again.
        CaseJudgements third = judging(cases).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder()
                .setJudgements(full.setEtag(second.getEtag())).build()).getJudgements();
        assertEquals(contentOf(full.build()), contentOf(third));
        assertTrue(!third.getEtag().equals(second.getEtag()) && !second.getEtag().equals(saved.getEtag()), "each edit is a new version");
        assertEquals(read(name), third);

        // Sent in reverse order, key questions and each one's prompts: answered as recorded and read back, in the service's order.
        CaseJudgements.Builder reversed = full.clone().setEtag(third.getEtag()).clearKeyQuestions();
        for (int i = full.getKeyQuestionsCount() - 1; i >= 0; i--) {
            KeyQuestionJudgement.Builder judgement = full.getKeyQuestions(i).toBuilder().clearPrompts();
            for (int j = full.getKeyQuestions(i).getPromptsCount() - 1; j >= 0; j--) {
                judgement.addPrompts(full.getKeyQuestions(i).getPrompts(j));
            }
            reversed.addKeyQuestions(judgement);
        }
        CaseJudgements fourth = judging(cases).updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder().setJudgements(reversed).build())
                .getJudgements();
        assertEquals(contentOf(full.build()), contentOf(fourth));
        assertEquals(read(name), fourth);
    }

    private static CaseJudgements read(String name) {
        return judging(cases).getCaseJudgements(yardstick.cases.v1.GetCaseJudgementsRequest.newBuilder().setName(name).build()).getJudgements();
    }

    /** What a draft says, key question by key question, in an order of its own (the service answers in the framework's). */
    private static Map<String, String> contentOf(CaseJudgements judgements) {
        Map<String, String> content = new TreeMap<>();
        for (KeyQuestionJudgement judgement : judgements.getKeyQuestionsList()) {
            content.put(judgement.getKeyQuestion(), judgement.getJudgement() + " | " + judgement.getNote() + " | "
                    + judgement.getPromptsList().stream().map(p -> p.getPrompt() + "=" + p.getAnswer()).sorted().toList());
        }
        return content;
    }

    private static BadRequest badRequest(Executable call) throws Exception {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode(), error.getStatus().toString());
        return StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
    }
}
