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
import yardstick.platform.grpc.Errors;
import yardstick.platform.identity.Caller;
import yardstick.platform.identity.Role;
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
import yardstick.reports.store.PlanStore;
import yardstick.reports.store.PublicationStore;
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
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportFormat;
import yardstick.reports.v1.SubmitPlanRequest;
import yardstick.reports.v1.SubmitPlanResponse;
import yardstick.reports.v1.UpdateActionRequest;
import yardstick.reports.v1.UpdateActionResponse;

/** ImprovementPlanService: checks and translates requests, and leaves the rules to the plan and the transaction to {@link Planning}. */
@Singleton
public class ImprovementPlanEndpoint extends ImprovementPlanServiceGrpc.ImprovementPlanServiceImplBase {

    private static final String PUBLICATIONS = "publications/";

    private final Planning planning;
    private final PublicationStore publications;
    private final RequestRecords requests;

    ImprovementPlanEndpoint(Planning planning, PublicationStore publications, RequestRecords requests) {
        this.planning = planning;
        this.publications = publications;
        this.requests = requests;
    }

    @Override
    public void createPlan(CreatePlanRequest request, StreamObserver<CreatePlanResponse> response) {
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
        Optional<PublicationStore.PublicationRow> publication = publicationId.flatMap(publications::find);
        if (publicationId.isPresent() && publication.isEmpty()) {
            throw Errors.notFound(request.getParent());
        }
        List<Recommendation> recommendations = publication.map(ImprovementPlanEndpoint::recommendations).orElse(List.of());
        List<ImprovementPlan.ObjectiveContent> objectives = new ArrayList<>();
        for (int i = 0; i < given.getObjectivesCount(); i++) {
            objectives.add(objective(given.getObjectives(i), "plan.objectives[" + i + "]", recommendations, problems));
        }
        throwIfAny(problems);
        PublicationStore.PublicationRow found = publication.orElseThrow(() -> Errors.notFound(request.getParent()));
        ImprovementPlan plan = ImprovementPlan.draft(PUBLICATIONS + found.id(), found.serviceInspected(), given.getTitle().strip(),
                given.getOversight().strip(), recommendations, objectives);
        answer(response, requests.once(request.getRequestId(), "request_id", request, CreatePlanResponse.parser(), () -> {
            InspectedServiceAccess.requireOwn(found.serviceInspected());
            Planning.Stored stored = planning.create(found.id(), plan, actor());
            return CreatePlanResponse.newBuilder().setPlan(stored.message(planning.today())).build();
        }));
    }

    @Override
    public void getPlan(GetPlanRequest request, StreamObserver<GetPlanResponse> response) {
        UUID id = planId(request.getName(), "name");
        answer(response, GetPlanResponse.newBuilder().setPlan(ownPlan(id).message(planning.today())).build());
    }

    @Override
    public void createObjective(CreateObjectiveRequest request, StreamObserver<CreateObjectiveResponse> response) {
        List<Problem> problems = new ArrayList<>();
        Optional<UUID> id = uuid(request.getParent(), PlanMessages.PREFIX);
        if (id.isEmpty()) {
            problems.add(new Problem("parent", "must be of the form plans/{plan}"));
        }
        requireEtag(request.getEtag(), problems);
        throwIfAny(problems);
        List<Recommendation> recommendations = ownPlan(id.get()).plan().recommendations();
        ImprovementPlan.ObjectiveContent objective = objective(request.getObjective(), "objective", recommendations, problems);
        throwIfAny(problems);
        Planning.Stored stored = changeOwn(id.get(), Optional.of(request.getEtag()),
                plan -> plan.addObjective(objective));
        answer(response, CreateObjectiveResponse.newBuilder().setPlan(stored.message(planning.today())).build());
    }

    @Override
    public void createAction(CreateActionRequest request, StreamObserver<CreateActionResponse> response) {
        List<Problem> problems = new ArrayList<>();
        String[] parts = request.getParent().split("/");
        Optional<UUID> id = parts.length == 4 && parts[2].equals("objectives") ? uuid(parts[0] + "/" + parts[1], PlanMessages.PREFIX) : Optional.empty();
        int objective = id.isPresent() ? number(parts[3]) : 0;
        if (id.isEmpty() || objective <= 0) {
            problems.add(new Problem("parent", "must be of the form plans/{plan}/objectives/{number}"));
        }
        requireRequestId(request.getRequestId(), problems);
        throwIfAny(problems);
        Planning.Stored current = planning.read(id.get());
        ActionContent content = action(request.getAction(), "action", current.plan().recommendationNumbers(), problems);
        throwIfAny(problems);
        if (current.plan().objective(objective).isEmpty()) {
            throw Errors.notFound(request.getParent());
        }
        answer(response, requests.once(request.getRequestId(), "request_id", request, CreateActionResponse.parser(), () -> {
            Planning.Stored stored = changeOwn(id.get(), Optional.empty(),
                    plan -> plan.addAction(objective, content));
            PlanAction added = stored.plan().actions().stream().max(Comparator.comparingInt(PlanAction::id)).orElseThrow();
            return CreateActionResponse.newBuilder().setAction(PlanMessages.action(added, PlanMessages.actionName(id.get(), added.id()),
                    Optional.of(planning.today()))).build();
        }));
    }

    @Override
    public void updateAction(UpdateActionRequest request, StreamObserver<UpdateActionResponse> response) {
        List<Problem> problems = new ArrayList<>();
        ActionName name = actionName(request.getAction().getName(), "action.name", problems);
        requireEtag(request.getEtag(), problems);
        throwIfAny(problems);
        Planning.Stored current = planning.read(name.plan());
        ActionContent content = PlanMessages.content(request.getAction(), problems);
        problems.addAll(content.problems(current.plan().recommendationNumbers()));
        throwIfAny(problems.stream().map(p -> p.within("action")).toList());
        Planning.Stored stored = change(name, request.getEtag(), plan -> plan.updateAction(name.action(), content));
        answer(response, UpdateActionResponse.newBuilder().setPlan(stored.message(planning.today())).build());
    }

    @Override
    public void changeActionStatus(ChangeActionStatusRequest request, StreamObserver<ChangeActionStatusResponse> response) {
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
        Planning.Stored stored = change(name, request.getEtag(),
                plan -> plan.changeStatus(name.action(), to, request.getReason().strip()));
        answer(response, ChangeActionStatusResponse.newBuilder().setPlan(stored.message(planning.today())).build());
    }

    @Override
    public void addEvidence(AddEvidenceRequest request, StreamObserver<AddEvidenceResponse> response) {
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
        Planning.Stored stored = change(name, request.getEtag(), plan -> plan.addEvidence(name.action(), evidence));
        answer(response, AddEvidenceResponse.newBuilder().setPlan(stored.message(planning.today())).build());
    }

    @Override
    public void eraseOwnerDisplayName(EraseOwnerDisplayNameRequest request, StreamObserver<EraseOwnerDisplayNameResponse> response) {
        List<Problem> problems = new ArrayList<>();
        ActionName name = actionName(request.getName(), "name", problems);
        throwIfAny(problems);
        Planning.Stored stored = change(name, null, plan -> plan.eraseDisplayName(name.action()));
        answer(response, EraseOwnerDisplayNameResponse.newBuilder().setPlan(stored.message(planning.today())).build());
    }

    @Override
    public void submitPlan(SubmitPlanRequest request, StreamObserver<SubmitPlanResponse> response) {
        List<Problem> problems = new ArrayList<>();
        Optional<UUID> id = uuid(request.getName(), PlanMessages.PREFIX);
        if (id.isEmpty()) {
            problems.add(new Problem("name", "must be of the form plans/{plan}"));
        }
        requireEtag(request.getEtag(), problems);
        throwIfAny(problems);
        Planning.Stored stored = changeOwn(id.get(), Optional.of(request.getEtag()), ImprovementPlan::submit);
        answer(response, SubmitPlanResponse.newBuilder().setPlan(stored.message(planning.today())).build());
    }

    @Override
    public void listPlanEvents(ListPlanEventsRequest request, StreamObserver<ListPlanEventsResponse> response) {
        UUID id = planId(request.getParent(), "parent");
        ownPlan(id);
        Pages.Page<PlanStore.EventRow> page = Pages.page(planning.history(id), request.getPageSize(), request.getPageToken(), 100, 1000);
        ListPlanEventsResponse.Builder events = ListPlanEventsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(e -> events.addEvents(PlanEvent.newBuilder().setName(PlanMessages.PREFIX + id + "/events/" + e.sequence())
                .setEventTime(PlanMessages.timestamp(e.eventTime())).setActor(e.actor()).setSubject(e.subject())
                .setDescription(e.description())));
        answer(response, events.build());
    }

    @Override
    public void renderPlan(RenderPlanRequest request, StreamObserver<RenderPlanResponse> response) {
        if (request.getFormat() == ReportFormat.REPORT_FORMAT_UNSPECIFIED || request.getFormat() == ReportFormat.UNRECOGNIZED) {
            throw Errors.invalidArgument("format", "is required: REPORT_FORMAT_HTML, _MARKDOWN, _JSON or _PDF");
        }
        UUID id = planId(request.getName(), "name");
        answer(response, rendition(ownPlan(id), request.getFormat(), planning.today(), planning.timeline(id)));
    }

    /** One rendition of a plan, made from its one model and judged on {@code today}, with its history as a timeline. */
    static RenderPlanResponse rendition(Planning.Stored plan, ReportFormat format, LocalDate today,
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
    static List<Recommendation> recommendations(PublicationStore.PublicationRow publication) {
        try {
            return Report.parseFrom(publication.reportBody()).getRecommendationsList().stream()
                    .map(r -> new Recommendation(r.getNumber(), r.getAddressedTo(), r.getText())).toList();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("publication " + publication.id() + " is unreadable", e);
        }
    }

    private record ActionName(UUID plan, int action) {
    }

    /** The plan, if the caller may see it: an inspected service sees only its own. */
    private Planning.Stored ownPlan(UUID id) {
        Planning.Stored stored = planning.read(id);
        InspectedServiceAccess.requireOwn(stored.plan().serviceInspected());
        return stored;
    }

    /** A change to the plan, by its own service only, recorded with the caller's role. */
    private Planning.Stored changeOwn(UUID id, Optional<String> etag, Function<ImprovementPlan, Decision> rule) {
        return planning.change(id, etag, actor(), plan -> {
            InspectedServiceAccess.requireOwn(plan.serviceInspected());
            return rule.apply(plan);
        });
    }

    private Planning.Stored change(ActionName name, String etag, Function<ImprovementPlan, Decision> rule) {
        return changeOwn(name.plan(), Optional.ofNullable(etag), plan -> {
            if (plan.action(name.action()).isEmpty()) {
                throw Errors.notFound(PlanMessages.actionName(name.plan(), name.action()));
            }
            return rule.apply(plan);
        });
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

    /**
     * Who makes a change, as the plan's history records it: the role of the caller's token, in
     * words, with the service an inspected service's people speak for; never a name.
     */
    private static String actor() {
        Caller caller = Caller.current();
        if (caller.holds(Role.INSPECTED_SERVICE)) {
            return "inspected service" + caller.inspectedService().map(s -> " (" + s + ")").orElse("");
        }
        return caller.roles().stream().sorted().findFirst().map(r -> r.claim().replace('-', ' ')).orElse("unknown role");
    }
    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw Errors.invalidArgument(problems.stream().map(p -> new Errors.FieldViolation(p.field(), p.description())).toList());
        }
    }

    private static <T> void answer(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }

    private static String json(yardstick.reports.v1.ImprovementPlan plan) {
        try {
            return JsonFormat.printer().preservingProtoFieldNames().print(plan);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
