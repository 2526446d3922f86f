package yardstick.reports.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.RequestRecords;
import yardstick.reports.domain.Authoring;
import yardstick.reports.domain.FactualAccuracyCheck;
import yardstick.reports.domain.VersionOfReport;
import yardstick.reports.store.FactualAccuracyStore;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.AnswerFactualAccuracyCommentResponse;
import yardstick.reports.v1.CreateFactualAccuracyCommentResponse;
import yardstick.reports.v1.FactualAccuracyAnswer;
import yardstick.reports.v1.FactualAccuracyComment;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReturnFactualAccuracyCheckResponse;
import yardstick.reports.v1.SendForFactualAccuracyCheckResponse;
import yardstick.reports.v1.StandardSection;

/**
 * The factual-accuracy round before a report is first published: the lead sends the draft to the
 * inspected service with a deadline; the service's people (their own service's report only)
 * comment on its sections and return it; the authors answer each comment. Each act is one
 * transaction, under the request's record (AIP-155), the check's row locked while it changes.
 */
@Singleton
public class CheckingFactualAccuracy {

    public static final String CHECK = "/factualAccuracyCheck";
    public static final String COMMENTS = CHECK + "/comments/";

    /** @param asSent the request as sent, so that a retry is known for the same request */
    public record SendForCheck(UUID report, String etag, Instant deadline, String requestId, com.google.protobuf.Message asSent) {
    }

    public record Comment(UUID report, String section, String text, String requestId, com.google.protobuf.Message asSent) {
    }

    public record Answer(UUID report, int comment, Optional<FactualAccuracyCheck.Answer> answer, String reason, String requestId,
                         com.google.protobuf.Message asSent) {
    }

    public record ReturnCheck(UUID report, String requestId, com.google.protobuf.Message asSent) {
    }

    private final ReadingReports reading;
    private final ReportStore reports;
    private final PublicationStore publications;
    private final FactualAccuracyStore checks;
    private final RequestRecords requests;
    private final Clock clock;

    CheckingFactualAccuracy(ReadingReports reading, ReportStore reports, PublicationStore publications, FactualAccuracyStore checks,
                            RequestRecords requests, Clock clock) {
        this.reading = reading;
        this.reports = reports;
        this.publications = publications;
        this.checks = checks;
        this.requests = requests;
        this.clock = clock;
    }

    /** The lead sends the latest version, as read, for the service's check. */
    public SendForFactualAccuracyCheckResponse send(Caller caller, SendForCheck command) {
        return requests.once(command.requestId(), "request_id", command.asSent(), SendForFactualAccuracyCheckResponse.parser(), () -> {
            Instant now = ChangingPlan.now(clock);
            String name = ReportNames.PREFIX + command.report();
            if (!command.deadline().isAfter(now)) {
                throw new Refused.BadRequest("deadline", "must be in the future: the service needs time to check the draft");
            }
            VersionOfReport latest = reports.latestForUpdate(command.report()).orElseThrow(() -> new Refused.NotFound(name));
            Report report = readable(caller, command.report());
            Authoring.staleEtag(latest.version(), command.etag(), "read the latest version before sending it").ifPresent(r -> {
                throw new Refused.RulesBroken(r.type(), name, r.description());
            });
            if (publications.latestOf(command.report()).isPresent()) {
                throw new Refused.RulesBroken("PUBLISHED", name, "the report is published: its factual-accuracy check was before that");
            }
            if (!checks.send(command.report(), latest.version(), command.deadline(), caller.subject(), now)) {
                throw new Refused.RulesBroken("CHECK_SENT", name + CHECK, "the report was sent for its factual-accuracy check already");
            }
            return SendForFactualAccuracyCheckResponse.newBuilder().setCheck(message(report, checks.findForUpdate(command.report())
                    .orElseThrow(), now)).build();
        });
    }

    /** The check as it stands. */
    public yardstick.reports.v1.FactualAccuracyCheck check(Caller caller, UUID report) {
        Report read = readable(caller, report);
        FactualAccuracyCheck check = checks.find(report).orElseThrow(() -> new Refused.NotFound(ReportNames.PREFIX + report + CHECK));
        return message(read, check, ChangingPlan.now(clock));
    }

    /** The service comments on a section of the draft, while the check is open. */
    public CreateFactualAccuracyCommentResponse comment(Caller caller, Comment command) {
        return requests.once(command.requestId(), "request_id", command.asSent(), CreateFactualAccuracyCommentResponse.parser(), () -> {
            Instant now = ChangingPlan.now(clock);
            Report report = readable(caller, command.report());
            FactualAccuracyCheck check = open(command.report(), now);
            Set<String> standards = report.getStandardsList().stream().map(StandardSection::getStandard).collect(Collectors.toSet());
            List<Refused.FieldProblem> problems = new ArrayList<>();
            FactualAccuracyCheck.commentProblems(command.section(), command.text(), standards)
                    .forEach(p -> problems.add(new Refused.FieldProblem(p.field(), p.description())));
            Refused.BadRequest.refuse(problems);
            int number = checks.addComment(command.report(), command.section(), command.text(), caller.subject(), now);
            return CreateFactualAccuracyCommentResponse.newBuilder().setComment(comment(command.report(),
                    checks.findForUpdate(command.report()).orElse(check).comments().get(number - 1))).build();
        });
    }

    /** The authors answer a comment, once. */
    public AnswerFactualAccuracyCommentResponse answer(Caller caller, Answer command) {
        return requests.once(command.requestId(), "request_id", command.asSent(), AnswerFactualAccuracyCommentResponse.parser(), () -> {
            Instant now = ChangingPlan.now(clock);
            String name = ReportNames.PREFIX + command.report() + COMMENTS + command.comment();
            readable(caller, command.report());
            FactualAccuracyCheck check = checks.findForUpdate(command.report()).orElseThrow(() -> new Refused.NotFound(name));
            if (command.comment() < 1 || command.comment() > check.comments().size()) {
                throw new Refused.NotFound(name);
            }
            List<Refused.FieldProblem> problems = new ArrayList<>();
            FactualAccuracyCheck.answerProblems(command.answer(), command.reason())
                    .forEach(p -> problems.add(new Refused.FieldProblem(p.field(), p.description())));
            Refused.BadRequest.refuse(problems);
            FactualAccuracyCheck.Comment comment = check.comments().get(command.comment() - 1);
            if (comment.answered()) {
                throw new Refused.RulesBroken("ANSWERED", name, "the comment was " + comment.answer().orElseThrow().name().toLowerCase()
                        + " by " + comment.answeredBy().orElseThrow() + " already; an answer is given once");
            }
            checks.answer(command.report(), command.comment(), command.answer().orElseThrow(), command.reason(), caller.subject(), now);
            return AnswerFactualAccuracyCommentResponse.newBuilder().setComment(comment(command.report(),
                    checks.findForUpdate(command.report()).orElseThrow().comments().get(command.comment() - 1))).build();
        });
    }

    /** The service returns its check: it has made every comment it will make. */
    public ReturnFactualAccuracyCheckResponse returnCheck(Caller caller, ReturnCheck command) {
        return requests.once(command.requestId(), "request_id", command.asSent(), ReturnFactualAccuracyCheckResponse.parser(), () -> {
            Instant now = ChangingPlan.now(clock);
            Report report = readable(caller, command.report());
            open(command.report(), now);
            checks.markReturned(command.report(), caller.subject(), now);
            return ReturnFactualAccuracyCheckResponse.newBuilder().setCheck(message(report,
                    checks.findForUpdate(command.report()).orElseThrow(), now)).build();
        });
    }

    /** The report's latest version, if the caller may reach it (an inspected service, only its own). */
    private Report readable(Caller caller, UUID report) {
        return reading.report(caller, new ReadingReports.ReadReport(ReportNames.PREFIX + report, report, Optional.empty()));
    }

    /** The check, locked, refused unless the service may still comment on it. */
    private FactualAccuracyCheck open(UUID report, Instant now) {
        String name = ReportNames.PREFIX + report + CHECK;
        FactualAccuracyCheck check = checks.findForUpdate(report).orElseThrow(() -> new Refused.NotFound(name));
        check.closed(now).ifPresent(r -> {
            throw new Refused.RulesBroken(r.type(), name, r.description());
        });
        return check;
    }

    static yardstick.reports.v1.FactualAccuracyCheck message(Report report, FactualAccuracyCheck check, Instant now) {
        String reportName = report.getName();
        UUID id = UUID.fromString(reportName.substring(ReportNames.PREFIX.length()));
        yardstick.reports.v1.FactualAccuracyCheck.Builder message = yardstick.reports.v1.FactualAccuracyCheck.newBuilder()
                .setName(reportName + CHECK)
                .setReportVersion(check.reportVersion())
                .setServiceInspected(report.getServiceInspected())
                .setDeadline(Times.timestamp(check.deadline()))
                .setSentBy(check.sentBy())
                .setSendTime(Times.timestamp(check.sendTime()))
                .setComplete(check.complete(now));
        check.comments().forEach(c -> message.addComments(comment(id, c)));
        check.returnedBy().ifPresent(message::setReturnedBy);
        check.returnTime().ifPresent(t -> message.setReturnTime(Times.timestamp(t)));
        return message.build();
    }

    private static FactualAccuracyComment comment(UUID report, FactualAccuracyCheck.Comment comment) {
        FactualAccuracyComment.Builder message = FactualAccuracyComment.newBuilder()
                .setName(ReportNames.PREFIX + report + COMMENTS + comment.number())
                .setSection(comment.section())
                .setText(comment.text())
                .setCommentedBy(comment.commentedBy())
                .setCommentTime(Times.timestamp(comment.commentTime()))
                .setReason(comment.reason());
        comment.answer().ifPresent(a -> message.setAnswer(a == FactualAccuracyCheck.Answer.ACCEPTED
                ? FactualAccuracyAnswer.FACTUAL_ACCURACY_ANSWER_ACCEPTED : FactualAccuracyAnswer.FACTUAL_ACCURACY_ANSWER_DECLINED));
        comment.answeredBy().ifPresent(message::setAnsweredBy);
        comment.answerTime().ifPresent(t -> message.setAnswerTime(Times.timestamp(t)));
        return message.build();
    }
}
