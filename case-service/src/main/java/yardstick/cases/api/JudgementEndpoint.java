package yardstick.cases.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import yardstick.cases.domain.Answer;
import yardstick.cases.domain.EligibleCase;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.FrameworkQuestions;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.InvalidJudgementsException;
import yardstick.cases.domain.SamplingRefusedException;
import yardstick.cases.domain.JudgementRules;
import yardstick.cases.domain.KeyQuestionJudgement;
import yardstick.cases.domain.PopulationSummary;
import yardstick.cases.peers.RatingServiceClient;
import yardstick.cases.store.JudgementStore;
import yardstick.cases.store.Judging;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.GetCaseJudgementsResponse;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.KeyQuestionCount;
import yardstick.cases.v1.PromptAnswer;
import yardstick.cases.v1.PromptCount;
import yardstick.cases.v1.SubmitCaseJudgementsRequest;
import yardstick.cases.v1.SubmitCaseJudgementsResponse;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;
import yardstick.cases.v1.UpdateCaseJudgementsResponse;
import yardstick.platform.grpc.Errors;

@Singleton
public class JudgementEndpoint extends JudgementServiceGrpc.JudgementServiceImplBase {

    private static final String CASES = "/cases/";
    private static final String JUDGEMENTS = "/judgements";

    private final Inspections inspections;
    private final Judging judging;
    private final RatingServiceClient ratingService;

    JudgementEndpoint(Inspections inspections, Judging judging, RatingServiceClient ratingService) {
        this.inspections = inspections;
        this.judging = judging;
        this.ratingService = ratingService;
    }

    /** The inspection and case reference of "inspections/{inspection}/cases/{reference}/judgements". */
    private record CaseName(Inspection inspection, String reference) {
        String name() {
            return inspection.name() + CASES + reference + JUDGEMENTS;
        }
    }

    private CaseName parse(String name, String field) {
        int cases = name.indexOf(CASES);
        if (cases < 0 || !name.endsWith(JUDGEMENTS)) {
            throw Errors.invalidArgument(field, "must be of the form inspections/{inspection}/cases/{reference}/judgements");
        }
        Inspection inspection = inspections.withCaseData(name.substring(0, cases), field);
        return new CaseName(inspection, name.substring(cases + CASES.length(), name.length() - JUDGEMENTS.length()));
    }

    /** Runs a judging step, turning its refusals into canonical errors. */
    private static <T> T guarded(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (Judging.CaseNotSampledException e) {
            throw Errors.notFound(e.getMessage());
        } catch (SamplingRefusedException e) {
            throw Errors.failedPrecondition(new Errors.Violation(e.type(), "judgements", e.getMessage()));
        } catch (InvalidJudgementsException e) {
            throw Inspections.invalid(e.problems());
        }
    }

    @Override
    public void getCaseJudgements(GetCaseJudgementsRequest request, StreamObserver<GetCaseJudgementsResponse> response) {
        CaseName name = parse(request.getName(), "name");
        JudgementStore.Recorded recorded = guarded(() -> judging.recorded(name.inspection().id(), name.reference()));
        response.onNext(GetCaseJudgementsResponse.newBuilder().setJudgements(message(name, recorded)).build());
        response.onCompleted();
    }

    @Override
    public void updateCaseJudgements(UpdateCaseJudgementsRequest request, StreamObserver<UpdateCaseJudgementsResponse> response) {
        CaseJudgements given = request.getJudgements();
        CaseName name = parse(given.getName(), "judgements.name");
        List<KeyQuestionJudgement> judgements = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < given.getKeyQuestionsCount(); i++) {
            yardstick.cases.v1.KeyQuestionJudgement message = given.getKeyQuestions(i);
            List<KeyQuestionJudgement.PromptAnswer> prompts = new ArrayList<>();
            for (PromptAnswer prompt : message.getPromptsList()) {
                prompts.add(new KeyQuestionJudgement.PromptAnswer(prompt.getPrompt(), answer(prompt.getAnswer())));
            }
            judgements.add(new KeyQuestionJudgement(message.getKeyQuestion(), answer(message.getJudgement()), message.getNote(), prompts));
            if (message.getNote().length() > 2000) {
                problems.add(new FieldProblem("judgements.key_questions[" + i + "].note", "must be at most 2,000 characters"));
            }
        }
        FrameworkQuestions framework = framework(name.inspection());
        EligibleCase sampled = guarded(() -> judging.sampledCase(name.inspection().id(), name.reference(), name.name()));
        problems.addAll(JudgementRules.draftProblems(framework, sampled, judgements));
        Inspections.refuse(problems);
        JudgementStore.Recorded saved = guarded(() -> judging.save(name.inspection().id(), name.reference(), given.getEtag(), judgements,
                name.name()));
        response.onNext(UpdateCaseJudgementsResponse.newBuilder().setJudgements(message(name, saved)).build());
        response.onCompleted();
    }

    @Override
    public void submitCaseJudgements(SubmitCaseJudgementsRequest request, StreamObserver<SubmitCaseJudgementsResponse> response) {
        CaseName name = parse(request.getName(), "name");
        FrameworkQuestions framework = framework(name.inspection());
        JudgementStore.Recorded saved = guarded(() -> judging.submit(name.inspection().id(), name.reference(), request.getEtag(),
                framework, name.name()));
        response.onNext(SubmitCaseJudgementsResponse.newBuilder().setJudgements(message(name, saved)).build());
        response.onCompleted();
    }

    @Override
    public void getJudgementTallies(GetJudgementTalliesRequest request, StreamObserver<GetJudgementTalliesResponse> response) {
        Inspection inspection = inspections.withCaseData(request.getInspection(), "inspection");
        Judging.Tallied tallied = judging.tallies(inspection.id());
        GetJudgementTalliesResponse.Builder answer = GetJudgementTalliesResponse.newBuilder()
                .setFramework(inspection.framework())
                .setSampledCases(tallied.sampled().size())
                .setSubmittedCases(tallied.tallies().submittedCases());
        tallied.tallies().keyQuestions().forEach((question, counts) -> answer.addKeyQuestions(
                KeyQuestionCount.newBuilder().setKeyQuestion(question).setYes(counts[0]).setApplicable(counts[1])));
        tallied.tallies().prompts().forEach((question, prompts) -> prompts.forEach((prompt, counts) -> answer.addPrompts(
                PromptCount.newBuilder().setKeyQuestion(question).setPrompt(prompt).setYes(counts[0]).setAnswered(counts[1]))));
        answer.addAllComposition(PopulationMessages.summary(PopulationSummary.of(tallied.sampled())).getCountsList());
        response.onNext(answer.build());
        response.onCompleted();
    }

    private FrameworkQuestions framework(Inspection inspection) {
        return ratingService.questions(inspection.framework()).orElseThrow(() -> Errors.failedPrecondition(new Errors.Violation(
                "FRAMEWORK", inspection.name(), "rating-service no longer knows " + inspection.framework())));
    }

    private static Answer answer(yardstick.cases.v1.Answer answer) {
        return PopulationMessages.constant(Answer.class, answer, "ANSWER_");
    }

    private static CaseJudgements message(CaseName name, JudgementStore.Recorded recorded) {
        CaseJudgements.Builder message = CaseJudgements.newBuilder()
                .setName(name.name())
                .setSubmitted(recorded.submitted())
                .setEtag(recorded.version() == 0 ? "" : "\"" + recorded.version() + "\"");
        for (KeyQuestionJudgement judgement : recorded.judgements()) {
            yardstick.cases.v1.KeyQuestionJudgement.Builder question = yardstick.cases.v1.KeyQuestionJudgement.newBuilder()
                    .setKeyQuestion(judgement.keyQuestion())
                    .setNote(judgement.note());
            if (judgement.judgement() != null) {
                question.setJudgement(yardstick.cases.v1.Answer.valueOf("ANSWER_" + judgement.judgement().name()));
            }
            judgement.prompts().forEach(p -> question.addPrompts(PromptAnswer.newBuilder().setPrompt(p.prompt())
                    .setAnswer(yardstick.cases.v1.Answer.valueOf("ANSWER_" + p.answer().name()))));
            message.addKeyQuestions(question);
        }
        return message.build();
    }
}
