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
import yardstick.cases.domain.CaseEvent;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.KeyQuestionJudgement;
import yardstick.cases.domain.RecordedJudgements;
import yardstick.cases.v1.CaseEventType;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.CaseModeration;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.GetCaseJudgementsResponse;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.KeyQuestionCount;
import yardstick.cases.v1.ModerationStatus;
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
import yardstick.platform.store.RequestRecords;

@Singleton
public class JudgementEndpoint extends JudgementServiceGrpc.JudgementServiceImplBase {

    private static final String CASES = "/cases/";
    private static final String JUDGEMENTS = "/judgements";

    private final JudgingCase judging;
    private final ReadingJudgements reading;
    private final TallyingJudgements tallying;
    private final RequestRecords requests;

    JudgementEndpoint(JudgingCase judging, ReadingJudgements reading, TallyingJudgements tallying, RequestRecords requests) {
        this.judging = judging;
        this.reading = reading;
        this.tallying = tallying;
        this.requests = requests;
    }

    /** The inspection and case reference of "inspections/{inspection}/cases/{reference}/judgements". */
    record CaseName(InspectionName inspection, String reference) {
    }

    static CaseName parse(String name, String field) {
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
            Caller caller = Caller.current();
            JudgingCase.RecordDraft command = new JudgingCase.RecordDraft(name.inspection(), name.reference(), given.getEtag(), judgements,
                    problems);
            return Retries.once(requests, request.getRequestId(), request, UpdateCaseJudgementsResponse.parser(), () ->
                    UpdateCaseJudgementsResponse.newBuilder().setJudgements(message(judging.recordDraft(caller, command))).build());
        });
    }

    @Override
    public void submitCaseJudgements(SubmitCaseJudgementsRequest request, StreamObserver<SubmitCaseJudgementsResponse> response) {
        Refusals.answer(response, () -> {
            CaseName name = parse(request.getName(), "name");
            Caller caller = Caller.current();
            JudgingCase.Submit command = new JudgingCase.Submit(name.inspection(), name.reference(), request.getEtag());
            return Retries.once(requests, request.getRequestId(), request, SubmitCaseJudgementsResponse.parser(), () ->
                    SubmitCaseJudgementsResponse.newBuilder().setJudgements(message(judging.submit(caller, command))).build());
        });
    }

    @Override
    public void getJudgementTallies(GetJudgementTalliesRequest request, StreamObserver<GetJudgementTalliesResponse> response) {
        Refusals.answer(response, () -> {
            TallyingJudgements.Tallied tallied = tallying.tallies(Caller.current(), Inspections.name(request.getInspection(), "inspection"));
            GetJudgementTalliesResponse.Builder answer = GetJudgementTalliesResponse.newBuilder()
                    .setFramework(tallied.inspection().framework())
                    .setSampledCases(tallied.sampled())
                    .setSubmittedCases(tallied.tallies().submittedCases());
            tallied.tallies().keyQuestions().forEach((question, counts) -> answer.addKeyQuestions(
                    KeyQuestionCount.newBuilder().setKeyQuestion(question).setYes(counts[0]).setApplicable(counts[1])));
            tallied.tallies().prompts().forEach((question, prompts) -> prompts.forEach((prompt, counts) -> answer.addPrompts(
                    PromptCount.newBuilder().setKeyQuestion(question).setPrompt(prompt).setYes(counts[0]).setAnswered(counts[1]))));
            answer.addAllComposition(PopulationMessages.summary(tallied.composition()).getCountsList());
            return answer.build();
        });
    }

    private static Answer answer(yardstick.cases.v1.Answer answer) {
        return PopulationMessages.constant(Answer.class, answer, "ANSWER_");
    }

    static CaseJudgements message(yardstick.cases.app.CaseJudgements judged) {
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
        judged.progress().ifPresent(progress -> {
            if (progress.inspector() != null) {
                message.setInspector(progress.inspector());
            }
            message.setModeration(moderation(progress));
        });
        for (CaseEvent event : judged.history()) {
            yardstick.cases.v1.CaseEvent.Builder happened = yardstick.cases.v1.CaseEvent.newBuilder()
                    .setType(CaseEventType.valueOf("CASE_EVENT_TYPE_" + event.type().name()))
                    .setActor(event.actor())
                    .setTime(Times.timestamp(event.time()));
            if (event.inspector() != null) {
                happened.setInspector(event.inspector());
            }
            if (event.previousInspector() != null) {
                happened.setPreviousInspector(event.previousInspector());
            }
            if (event.reason() != null) {
                happened.setReason(event.reason());
            }
            message.addHistory(happened);
        }
        return message.build();
    }

    static CaseModeration moderation(CaseProgress progress) {
        CaseModeration.Builder moderation = CaseModeration.newBuilder()
                .setStatus(ModerationStatus.valueOf("MODERATION_STATUS_" + progress.moderation().name()))
                .setPickedByLead(progress.pickedByLead())
                .setInRandomShare(progress.inRandomShare());
        if (progress.confirmedBy() != null) {
            moderation.setConfirmedBy(progress.confirmedBy()).setConfirmTime(Times.timestamp(progress.confirmTime()));
        }
        return moderation.build();
    }
}
