package yardstick.reports.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import yardstick.platform.app.Refused;
import yardstick.platform.grpc.Errors;
import yardstick.platform.grpc.Refusals;
import yardstick.platform.identity.Caller;
import yardstick.platform.grpc.Pages;
import yardstick.platform.store.RequestRecords;
import yardstick.reports.plans.ActionContent;
import yardstick.reports.plans.Decision;
import yardstick.reports.plans.Evidence;
import yardstick.reports.plans.ImprovementPlan;
import yardstick.reports.plans.PlanAction;
import yardstick.reports.plans.PlanDate;
import yardstick.reports.plans.PlanHtmlRendition;
import yardstick.reports.plans.PlanMarkdownRendition;
import yardstick.reports.plans.Problem;
import yardstick.reports.plans.Recommendation;
import yardstick.reports.app.ChangingPlan;
import yardstick.reports.app.CreatingPlan;
import yardstick.reports.app.PdfRendition;
import yardstick.reports.app.PlanMessages;
import yardstick.reports.app.ReadingPlan;
import yardstick.reports.app.StoredPlan;
import yardstick.reports.domain.Publication;
import yardstick.reports.plans.PlanChange;
import yardstick.reports.v1.Action;
import yardstick.reports.v1.ActionStatus;
import yardstick.reports.v1.AddEvidenceRequest;
import yardstick.reports.v1.AddEvidenceResponse;
import yardstick.reports.v1.ChangeActionStatusRequest;
import yardstick.reports.v1.ChangeActionStatusResponse;
import yardstick.reports.v1.CreateActionRequest;
import yardstick.reports.v1.CreateActionResponse;
import yardstick.reports.v1.CreateObjectiveRequest;
import yardstick.reports.v1.CreateObjectiveResponse;
import yardstick.reports.v1.CreatePlanRequest;
import yardstick.reports.v1.CreatePlanResponse;
import yardstick.reports.v1.EraseOwnerDisplayNameRequest;
import yardstick.reports.v1.EraseOwnerDisplayNameResponse;
import yardstick.reports.v1.GetPlanRequest;
import yardstick.reports.v1.GetPlanResponse;
import yardstick.reports.v1.ImprovementPlanServiceGrpc;
import yardstick.reports.v1.ListPlanEventsRequest;
import yardstick.reports.v1.ListPlanEventsResponse;
import yardstick.reports.v1.Objective;
import yardstick.reports.v1.PlanEvent;
import yardstick.reports.v1.RenderPlanRequest;
import yardstick.reports.v1.RenderPlanResponse;
import yardstick.reports.v1.StreamPlanRenditionRequest;
import yardstick.reports.v1.StreamPlanRenditionResponse;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.SubmitPlanRequest;
import yardstick.reports.v1.SubmitPlanResponse;
import yardstick.reports.v1.UpdateActionRequest;
import yardstick.reports.v1.UpdateActionResponse;

/** ImprovementPlanService: checks and translates requests, calls the use case with the caller, and says a refusal as its status. */
@Singleton
public class ImprovementPlanEndpoint extends ImprovementPlanServiceGrpc.ImprovementPlanServiceImplBase {

    private static final String PUBLICATIONS = "publications/";

    private final CreatingPlan creating;
    private final ChangingPlan changing;
    private final ReadingPlan reading;
    private final RequestRecords requests;

    ImprovementPlanEndpoint(CreatingPlan creating, ChangingPlan changing, ReadingPlan reading, RequestRecords requests) {
        this.creating = creating;
        this.changing = changing;
        this.reading = reading;
        this.requests = requests;
    }

    @Override
    public void createPlan(CreatePlanRequest request, StreamObserver<CreatePlanResponse> response) {
        Refusals.answer(response, () -> {
            List<Problem> problems = new ArrayList<>();
            Optional<UUID> publicationId = uuid(request.getParent(), PUBLICATIONS);
            if (publicationId.isEmpty()) {
                problems.add(new Problem("parent", "must be of the form publications/{publication}"));
            }
            requireRequestId(request.getRequestId(), problems);
            yardstick.reports.v1.ImprovementPlan given = request.getPlan();
            if (given.getTitle().isBlank()) {
                problems.add(new Problem("plan.title", "is required, for example \"Improvement plan in answer to the inspection of June 2021\""));
            }
            Optional<Publication> publication = publicationId.flatMap(creating::publication);
            if (publicationId.isPresent() && publication.isEmpty()) {
                throw Errors.notFound(request.getParent());
            }
            List<Recommendation> recommendations = publication.map(this::recommendations).orElse(List.of());
            List<ImprovementPlan.ObjectiveContent> objectives = new ArrayList<>();
            for (int i = 0; i < given.getObjectivesCount(); i++) {
                objectives.add(objective(given.getObjectives(i), "plan.objectives[" + i + "]", recommendations, problems));
            }
            throwIfAny(problems);
            Publication found = publication.orElseThrow(() -> Errors.notFound(request.getParent()));
            ImprovementPlan plan = ImprovementPlan.draft(PUBLICATIONS + found.id(), found.serviceInspected(), given.getTitle().strip(),
                    given.getOversight().strip(), recommendations, objectives);
            Caller caller = Caller.current();
            return requests.once(request.getRequestId(), "request_id", request, CreatePlanResponse.parser(), () ->
                    CreatePlanResponse.newBuilder().setPlan(creating.create(caller, new CreatingPlan.CreatePlan(found, plan))
                            .message(reading.today())).build());
        });
    }

    @Override
    public void getPlan(GetPlanRequest request, StreamObserver<GetPlanResponse> response) {
        Refusals.answer(response, () -> {
            UUID id = planId(request.getName(), "name");
            return GetPlanResponse.newBuilder().setPlan(reading.own(Caller.current(), id).message(reading.today())).build();
        });
    }

    @Override
    public void createObjective(CreateObjectiveRequest request, StreamObserver<CreateObjectiveResponse> response) {
        Refusals.answer(response, () -> {
            List<Problem> problems = new ArrayList<>();
            Optional<UUID> id = uuid(request.getParent(), PlanMessages.PREFIX);
            if (id.isEmpty()) {
                problems.add(new Problem("parent", "must be of the form plans/{plan}"));
            }
            requireEtag(request.getEtag(), problems);
            throwIfAny(problems);
            List<Recommendation> recommendations = reading.own(Caller.current(), id.get()).plan().recommendations();
            ImprovementPlan.ObjectiveContent objective = objective(request.getObjective(), "objective", recommendations, problems);
            throwIfAny(problems);
            StoredPlan stored = changeOwn(id.get(), Optional.of(request.getEtag()),
                    plan -> plan.addObjective(objective));
            return CreateObjectiveResponse.newBuilder().setPlan(stored.message(reading.today())).build();
        });
    }

    @Override
    public void createAction(CreateActionRequest request, StreamObserver<CreateActionResponse> response) {
        Refusals.answer(response, () -> {
            List<Problem> problems = new ArrayList<>();
            String[] parts = request.getParent().split("/");
            Optional<UUID> id = parts.length == 4 && parts[2].equals("objectives") ? uuid(parts[0] + "/" + parts[1], PlanMessages.PREFIX) : Optional.empty();
            int objective = id.isPresent() ? number(parts[3]) : 0;
            if (id.isEmpty() || objective <= 0) {
                problems.add(new Problem("parent", "must be of the form plans/{plan}/objectives/{number}"));
            }
            requireRequestId(request.getRequestId(), problems);
            throwIfAny(problems);
            StoredPlan current = reading.read(id.get());
            ActionContent content = action(request.getAction(), "action", current.plan().recommendationNumbers(), problems);
            throwIfAny(problems);
            if (current.plan().objective(objective).isEmpty()) {
                throw Errors.notFound(request.getParent());
            }
            return requests.once(request.getRequestId(), "request_id", request, CreateActionResponse.parser(), () -> {
                StoredPlan stored = changeOwn(id.get(), Optional.empty(),
                        plan -> plan.addAction(objective, content));
                PlanAction added = stored.plan().actions().stream().max(Comparator.comparingInt(PlanAction::id)).orElseThrow();
                return CreateActionResponse.newBuilder().setAction(PlanMessages.action(added, PlanMessages.actionName(id.get(), added.id()),
                        Optional.of(reading.today()))).build();
            });
        });
    }

    @Override
    public void updateAction(UpdateActionRequest request, StreamObserver<UpdateActionResponse> response) {
        Refusals.answer(response, () -> {
            List<Problem> problems = new ArrayList<>();
            ActionName name = actionName(request.getAction().getName(), "action.name", problems);
            requireEtag(request.getEtag(), problems);
            throwIfAny(problems);
            StoredPlan current = reading.read(name.plan());
            ActionContent content = PlanMessages.content(request.getAction(), problems);
            problems.addAll(content.problems(current.plan().recommendationNumbers()));
            throwIfAny(problems.stream().map(p -> p.within("action")).toList());
            StoredPlan stored = change(name, request.getEtag(), plan -> plan.updateAction(name.action(), content));
            return UpdateActionResponse.newBuilder().setPlan(stored.message(reading.today())).build();
        });
    }

    @Override
    public void changeActionStatus(ChangeActionStatusRequest request, StreamObserver<ChangeActionStatusResponse> response) {
        Refusals.answer(response, () -> {
            List<Problem> problems = new ArrayList<>();
            ActionName name = actionName(request.getName(), "name", problems);
            if (request.getStatus() == ActionStatus.ACTION_STATUS_UNSPECIFIED || request.getStatus() == ActionStatus.UNRECOGNIZED) {
                problems.add(new Problem("status", "is required: ACTION_STATUS_NOT_STARTED, _IN_PROGRESS, _COMPLETE or _DROPPED"));
            }
            if (request.getReason().length() > 2000) {
                problems.add(new Problem("reason", "is at most 2000 characters"));
            }
            requireEtag(request.getEtag(), problems);
            throwIfAny(problems);
            yardstick.reports.plans.ActionStatus to = PlanMessages.status(request.getStatus());
            StoredPlan stored = change(name, request.getEtag(),
                    plan -> plan.changeStatus(name.action(), to, request.getReason().strip()));
            return ChangeActionStatusResponse.newBuilder().setPlan(stored.message(reading.today())).build();
        });
    }

    @Override
    public void addEvidence(AddEvidenceRequest request, StreamObserver<AddEvidenceResponse> response) {
        Refusals.answer(response, () -> {
            List<Problem> problems = new ArrayList<>();
            ActionName name = actionName(request.getName(), "name", problems);
            Optional<PlanDate> date = request.getEvidence().hasDate()
                    ? PlanMessages.date(request.getEvidence().getDate(), "evidence.date", problems) : Optional.empty();
            if (!request.getEvidence().hasDate()) {
                problems.add(new Problem("evidence.date", "is required: the day (or month) the evidence is of"));
            }
            if (request.getEvidence().getNote().isBlank()) {
                problems.add(new Problem("evidence.note", "is required: what shows the progress, for example \"audit of 20 cases in March\""));
            } else if (request.getEvidence().getNote().length() > 4000) {
                problems.add(new Problem("evidence.note", "is at most 4000 characters"));
            }
            requireEtag(request.getEtag(), problems);
            throwIfAny(problems);
            Evidence evidence = new Evidence(date.orElseThrow(), request.getEvidence().getNote().strip());
            StoredPlan stored = change(name, request.getEtag(), plan -> plan.addEvidence(name.action(), evidence));
            return AddEvidenceResponse.newBuilder().setPlan(stored.message(reading.today())).build();
        });
    }

    @Override
    public void eraseOwnerDisplayName(EraseOwnerDisplayNameRequest request, StreamObserver<EraseOwnerDisplayNameResponse> response) {
        Refusals.answer(response, () -> {
            List<Problem> problems = new ArrayList<>();
            ActionName name = actionName(request.getName(), "name", problems);
            throwIfAny(problems);
            StoredPlan stored = change(name, null, plan -> plan.eraseDisplayName(name.action()));
            return EraseOwnerDisplayNameResponse.newBuilder().setPlan(stored.message(reading.today())).build();
        });
    }

    @Override
    public void submitPlan(SubmitPlanRequest request, StreamObserver<SubmitPlanResponse> response) {
        Refusals.answer(response, () -> {
            List<Problem> problems = new ArrayList<>();
            Optional<UUID> id = uuid(request.getName(), PlanMessages.PREFIX);
            if (id.isEmpty()) {
                problems.add(new Problem("name", "must be of the form plans/{plan}"));
            }
            requireEtag(request.getEtag(), problems);
            throwIfAny(problems);
            StoredPlan stored = changeOwn(id.get(), Optional.of(request.getEtag()), ImprovementPlan::submit);
            return SubmitPlanResponse.newBuilder().setPlan(stored.message(reading.today())).build();
        });
    }

    @Override
    public void listPlanEvents(ListPlanEventsRequest request, StreamObserver<ListPlanEventsResponse> response) {
        Refusals.answer(response, () -> {
            UUID id = planId(request.getParent(), "parent");
            Pages.Page<PlanChange> page = Pages.page(reading.history(Caller.current(), id), request.getPageSize(), request.getPageToken(), 100, 1000);
            ListPlanEventsResponse.Builder events = ListPlanEventsResponse.newBuilder().setNextPageToken(page.nextPageToken());
            page.items().forEach(e -> events.addEvents(PlanEvent.newBuilder().setName(PlanMessages.PREFIX + id + "/events/" + e.sequence())
                    .setEventTime(PlanMessages.timestamp(e.time())).setActor(e.actor()).setSubject(e.subject())
                    .setDescription(e.description())));
            return events.build();
        });
    }

    @Override
    public void renderPlan(RenderPlanRequest request, StreamObserver<RenderPlanResponse> response) {
        Refusals.answer(response, () -> {
            RenderPlanResponse rendition = rendition(request);
            RenditionChunks.refuseIfTooLarge(request.getName(), rendition.getContent(), "StreamPlanRendition");
            return rendition;
        });
    }

    @Override
    public void streamPlanRendition(StreamPlanRenditionRequest request, StreamObserver<StreamPlanRenditionResponse> response) {
        RenderPlanResponse rendition;
        try {
            rendition = rendition(RenderPlanRequest.newBuilder().setName(request.getName()).setFormatValue(request.getFormatValue()).build());
        } catch (Refused refused) {
            throw Refusals.status(refused);
        }
        RenditionChunks.stream(rendition.getContentType(), rendition.getContent(), response,
                chunk -> StreamPlanRenditionResponse.newBuilder().setChunk(chunk).build());
    }

    private RenderPlanResponse rendition(RenderPlanRequest request) {
        if (request.getFormat() == ReportFormat.REPORT_FORMAT_UNSPECIFIED || request.getFormat() == ReportFormat.UNRECOGNIZED) {
            throw new Refused.BadRequest("format", "is required: REPORT_FORMAT_HTML, _MARKDOWN, _JSON or _PDF");
        }
        UUID id = planId(request.getName(), "name");
        return rendition(reading.own(Caller.current(), id), request.getFormat(), reading.today(), reading.timeline(id));
    }

    /** One rendition of a plan, made from its one model and judged on {@code today}, with its history as a timeline. */
    static RenderPlanResponse rendition(StoredPlan plan, ReportFormat format, LocalDate today,
                                        java.util.List<yardstick.reports.plans.PlanChange> history) {
        RenderPlanResponse.Builder rendition = RenderPlanResponse.newBuilder();
        switch (format) {
            case REPORT_FORMAT_HTML -> rendition.setContentType("text/html; charset=utf-8")
                    .setContent(ByteString.copyFromUtf8(PlanHtmlRendition.render(plan.plan(), today, history)));
            case REPORT_FORMAT_MARKDOWN -> rendition.setContentType("text/markdown; charset=utf-8")
                    .setContent(ByteString.copyFromUtf8(PlanMarkdownRendition.render(plan.plan(), today, history)));
            case REPORT_FORMAT_PDF -> rendition.setContentType("application/pdf")
                    .setContent(ByteString.copyFrom(PdfRendition.render(PlanHtmlRendition.render(plan.plan(), today, history))));
            default -> rendition.setContentType("application/json")
                    .setContent(ByteString.copyFromUtf8(json(PlanMessages.withoutDisplayNames(plan.message(today)))));
        }
        return rendition.build();
    }

    /** The recommendations of the published report, which the plan must answer. */
    private List<Recommendation> recommendations(Publication publication) {
        return creating.recommendations(publication).stream().map(r -> new Recommendation(r.getNumber(), r.getAddressedTo(), r.getText()))
                .toList();
    }

    private record ActionName(UUID plan, int action) {
    }

    /** A change to the plan, by its own service only. */
    private StoredPlan changeOwn(UUID id, Optional<String> etag, Function<ImprovementPlan, Decision> rule) {
        return changing.change(Caller.current(), new ChangingPlan.ChangePlan(id, Optional.empty(), etag, rule));
    }

    /** A change to one of the plan's actions, which must exist. */
    private StoredPlan change(ActionName name, String etag, Function<ImprovementPlan, Decision> rule) {
        return changing.change(Caller.current(), new ChangingPlan.ChangePlan(name.plan(), Optional.of(name.action()),
                Optional.ofNullable(etag), rule));
    }

    private static ImprovementPlan.ObjectiveContent objective(Objective given, String field, List<Recommendation> recommendations,
                                                              List<Problem> problems) {
        if (given.getTitle().isBlank()) {
            problems.add(new Problem(field + ".title", "is required: what the objective aims at"));
        }
        for (int i = 0; i < given.getOutcomesCount(); i++) {
            if (given.getOutcomes(i).isBlank()) {
                problems.add(new Problem(field + ".outcomes[" + i + "]", "is empty: leave it out or say the outcome"));
            }
        }
        java.util.Set<Integer> known = recommendations.stream().map(Recommendation::number).collect(java.util.stream.Collectors.toSet());
        List<ActionContent> actions = new ArrayList<>();
        for (int i = 0; i < given.getActionsCount(); i++) {
            actions.add(action(given.getActions(i), field + ".actions[" + i + "]", known, problems));
        }
        return new ImprovementPlan.ObjectiveContent(given.getTitle().strip(), given.getOutcomesList().stream().map(String::strip).toList(), actions);
    }

    /** A new action: a display name is refused here, so that no request record keeps a copy that erasing could not reach. */
    private static ActionContent action(Action given, String field, java.util.Set<Integer> known, List<Problem> problems) {
        List<Problem> own = new ArrayList<>();
        ActionContent content = PlanMessages.content(given, own);
        own.addAll(content.problems(known));
        if (!content.ownerDisplayName().isEmpty()) {
            own.add(new Problem("owner_display_name", "is set only by UpdateAction, so that erasing it leaves no copy; leave it empty here"));
        }
        own.forEach(p -> problems.add(p.within(field)));
        return content;
    }

    private static ActionName actionName(String name, String field, List<Problem> problems) {
        String[] parts = name.split("/");
        if (parts.length == 4 && parts[2].equals("actions")) {
            Optional<UUID> plan = uuid(parts[0] + "/" + parts[1], PlanMessages.PREFIX);
            int action = number(parts[3]);
            if (plan.isPresent() && action > 0) {
                return new ActionName(plan.get(), action);
            }
        }
        problems.add(new Problem(field, "must be of the form plans/{plan}/actions/{action}"));
        return null;
    }

    private static UUID planId(String name, String field) {
        return uuid(name, PlanMessages.PREFIX).orElseThrow(() -> Errors.invalidArgument(field, "must be of the form plans/{plan}"));
    }

    private static Optional<UUID> uuid(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(name.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void requireRequestId(String requestId, List<Problem> problems) {
        if (requestId.isBlank()) {
            problems.add(new Problem("request_id", "is required: a UUID, so that a retry is safe"));
        }
    }

    private static void requireEtag(String etag, List<Problem> problems) {
        if (etag.isBlank()) {
            problems.add(new Problem("etag", "is required: the plan's etag as last read"));
        }
    }

    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw Errors.invalidArgument(problems.stream().map(p -> new Errors.FieldViolation(p.field(), p.description())).toList());
        }
    }


    private static String json(yardstick.reports.v1.ImprovementPlan plan) {
        try {
            return JsonFormat.printer().preservingProtoFieldNames().print(plan);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
