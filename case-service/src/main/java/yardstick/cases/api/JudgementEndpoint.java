package yardstick.cases.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import yardstick.cases.app.InspectionName;
import yardstick.cases.app.JudgingCase;
import yardstick.cases.app.ReadingJudgements;
import yardstick.cases.app.TallyingJudgements;
import yardstick.cases.domain.Answer;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.KeyQuestionJudgement;
import yardstick.cases.domain.PopulationSummary;
import yardstick.cases.domain.RecordedJudgements;
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
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Refusals;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;

@Singleton
public class JudgementEndpoint extends JudgementServiceGrpc.JudgementServiceImplBase {

    private static final String CASES = "/cases/";
    private static final String JUDGEMENTS = "/judgements";

    private final JudgingCase judging;
    private final ReadingJudgements reading;
    private final TallyingJudgements tallying;

    JudgementEndpoint(JudgingCase judging, ReadingJudgements reading, TallyingJudgements tallying) {
        this.judging = judging;
        this.reading = reading;
        this.tallying = tallying;
    }

    /** The inspection and case reference of "inspections/{inspection}/cases/{reference}/judgements". */
    private record CaseName(InspectionName inspection, String reference) {
    }

    private static CaseName parse(String name, String field) {
        int cases = name.indexOf(CASES);
        if (cases < 0 || !name.endsWith(JUDGEMENTS)) {
            throw new Refused.BadRequest(field, "must be of the form inspections/{inspection}/cases/{reference}/judgements");
        }
        return new CaseName(Inspections.name(name.substring(0, cases), field),
                name.substring(cases + CASES.length(), name.length() - JUDGEMENTS.length()));
    }

    @Override
    public void getCaseJudgements(GetCaseJudgementsRequest request, StreamObserver<GetCaseJudgementsResponse> response) {
        Refusals.answer(response, () -> {
            CaseName name = parse(request.getName(), "name");
            return GetCaseJudgementsResponse.newBuilder()
                    .setJudgements(message(reading.judgements(Caller.current(), name.inspection(), name.reference()))).build();
        });
    }

    @Override
    public void updateCaseJudgements(UpdateCaseJudgementsRequest request, StreamObserver<UpdateCaseJudgementsResponse> response) {
        Refusals.answer(response, () -> {
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
            return UpdateCaseJudgementsResponse.newBuilder().setJudgements(message(judging.recordDraft(Caller.current(),
                    new JudgingCase.RecordDraft(name.inspection(), name.reference(), given.getEtag(), judgements, problems)))).build();
        });
    }

    @Override
    public void submitCaseJudgements(SubmitCaseJudgementsRequest request, StreamObserver<SubmitCaseJudgementsResponse> response) {
        Refusals.answer(response, () -> {
            CaseName name = parse(request.getName(), "name");
            return SubmitCaseJudgementsResponse.newBuilder().setJudgements(message(judging.submit(Caller.current(),
                    new JudgingCase.Submit(name.inspection(), name.reference(), request.getEtag())))).build();
        });
    }

    @Override
    public void getJudgementTallies(GetJudgementTalliesRequest request, StreamObserver<GetJudgementTalliesResponse> response) {
        Refusals.answer(response, () -> {
            TallyingJudgements.Tallied tallied = tallying.tallies(Caller.current(), Inspections.name(request.getInspection(), "inspection"));
            GetJudgementTalliesResponse.Builder answer = GetJudgementTalliesResponse.newBuilder()
                    .setFramework(tallied.inspection().framework())
                    .setSampledCases(tallied.sampled().size())
                    .setSubmittedCases(tallied.tallies().submittedCases());
            tallied.tallies().keyQuestions().forEach((question, counts) -> answer.addKeyQuestions(
                    KeyQuestionCount.newBuilder().setKeyQuestion(question).setYes(counts[0]).setApplicable(counts[1])));
            tallied.tallies().prompts().forEach((question, prompts) -> prompts.forEach((prompt, counts) -> answer.addPrompts(
                    PromptCount.newBuilder().setKeyQuestion(question).setPrompt(prompt).setYes(counts[0]).setAnswered(counts[1]))));
            answer.addAllComposition(PopulationMessages.summary(PopulationSummary.of(tallied.sampled())).getCountsList());
            return answer.build();
        });
    }

    private static Answer answer(yardstick.cases.v1.Answer answer) {
        return PopulationMessages.constant(Answer.class, answer, "ANSWER_");
    }

    private static CaseJudgements message(yardstick.cases.app.CaseJudgements judged) {
        RecordedJudgements recorded = judged.recorded();
        CaseJudgements.Builder message = CaseJudgements.newBuilder()
                .setName(judged.name())
                .setSubmitted(recorded.submitted())
                .setEtag(recorded.etag());
        if (recorded.judgedBy() != null) {
            message.setJudgedBy(recorded.judgedBy()).setJudgeTime(Times.timestamp(recorded.judgeTime()));
        }
        if (recorded.submittedBy() != null) {
            message.setSubmittedBy(recorded.submittedBy()).setSubmitTime(Times.timestamp(recorded.submitTime()));
        }
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
