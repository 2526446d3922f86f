package yardstick.cases.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import yardstick.cases.app.PurgingExpiredCaseData;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.InspectionState;
import yardstick.cases.peers.RatingServiceClient;
import yardstick.cases.store.InspectionStore;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.CreateInspectionResponse;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetInspectionResponse;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.ListInspectionsRequest;
import yardstick.cases.v1.ListInspectionsResponse;
import yardstick.cases.v1.PurgeExpiredCaseDataRequest;
import yardstick.cases.v1.PurgeExpiredCaseDataResponse;
import yardstick.cases.v1.PurgedInspection;
import yardstick.cases.v1.UpdateInspectionRequest;
import yardstick.cases.v1.UpdateInspectionResponse;
import yardstick.platform.grpc.Errors;
import yardstick.platform.grpc.Times;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.RequestRecords;

@Singleton
public class InspectionEndpoint extends InspectionServiceGrpc.InspectionServiceImplBase {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> UPDATABLE = Set.of(
            "service_inspected", "fieldwork_start", "fieldwork_end", "framework", "team", "state");

    private final InspectionStore store;
    private final RatingServiceClient ratingService;
    private final RequestRecords requests;
    private final Inspections inspections;
    private final PurgingExpiredCaseData purging;

    InspectionEndpoint(InspectionStore store, RatingServiceClient ratingService, RequestRecords requests, Inspections inspections,
                       PurgingExpiredCaseData purging) {
        this.store = store;
        this.ratingService = ratingService;
        this.requests = requests;
        this.inspections = inspections;
        this.purging = purging;
    }

    @Override
    public void createInspection(CreateInspectionRequest request, StreamObserver<CreateInspectionResponse> response) {
        Inspection.Details details = InspectionMessages.details(request.getInspection());
        List<FieldProblem> problems = new ArrayList<>(details.problems("inspection."));
        if (request.getRequestId().isBlank()) {
            problems.add(new FieldProblem("request_id", "is required: a UUID, so that a retry is safe"));
        }
        refuse(problems);
        requireKnownFramework(details.framework(), "inspection.framework");
        response.onNext(requests.once(request.getRequestId(), "request_id", request, CreateInspectionResponse.parser(),
                () -> CreateInspectionResponse.newBuilder().setInspection(InspectionMessages.inspection(store.open(details, Caller.current().subject()))).build()));
        response.onCompleted();
    }

    @Override
    public void getInspection(GetInspectionRequest request, StreamObserver<GetInspectionResponse> response) {
        Inspection inspection = existing(request.getName(), "name");
        response.onNext(GetInspectionResponse.newBuilder().setInspection(InspectionMessages.inspection(inspection)).build());
        response.onCompleted();
    }

    @Override
    public void listInspections(ListInspectionsRequest request, StreamObserver<ListInspectionsResponse> response) {
        if (request.getPageSize() < 0) {
            throw Errors.invalidArgument("page_size", "must not be negative; 0 asks for the default of " + DEFAULT_PAGE_SIZE);
        }
        int size = request.getPageSize() == 0 ? DEFAULT_PAGE_SIZE : Math.min(request.getPageSize(), MAX_PAGE_SIZE);
        Optional<Inspection> after = request.getPageToken().isEmpty() ? Optional.empty() : Optional.of(fromToken(request.getPageToken()));
        List<Inspection> page = store.page(after, size + 1);
        ListInspectionsResponse.Builder answer = ListInspectionsResponse.newBuilder();
        page.stream().limit(size).forEach(i -> answer.addInspections(InspectionMessages.inspection(i)));
        if (page.size() > size) {
            answer.setNextPageToken(token(page.get(size - 1)));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void updateInspection(UpdateInspectionRequest request, StreamObserver<UpdateInspectionResponse> response) {
        yardstick.cases.v1.Inspection changes = request.getInspection();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.getUpdateMask().getPathsCount() == 0) {
            problems.add(new FieldProblem("update_mask", "names no field; give the fields to update, e.g. state"));
        }
        request.getUpdateMask().getPathsList().stream().filter(p -> !UPDATABLE.contains(p)).forEach(p ->
                problems.add(new FieldProblem("update_mask", "'" + p + "' cannot be updated; these can: " + String.join(", ", UPDATABLE))));
        if (changes.getEtag().isBlank()) {
            problems.add(new FieldProblem("inspection.etag", "is required: the etag of the inspection as last read"));
        }
        refuse(problems);
        Inspection current = inspections.forLead(changes.getName(), "inspection.name");

        Inspection.Details was = current.details();
        Inspection.Details given = InspectionMessages.details(changes);
        Set<String> paths = Set.copyOf(request.getUpdateMask().getPathsList());
        Inspection.Details details = new Inspection.Details(
                paths.contains("service_inspected") ? given.serviceInspected() : was.serviceInspected(),
                paths.contains("fieldwork_start") ? given.fieldworkStart() : was.fieldworkStart(),
                paths.contains("fieldwork_end") ? given.fieldworkEnd() : was.fieldworkEnd(),
                paths.contains("framework") ? given.framework() : was.framework(),
                paths.contains("team") ? given.team() : was.team());
        problems.addAll(details.problems("inspection."));
        InspectionState state = current.state();
        if (paths.contains("state")) {
            state = InspectionMessages.state(changes.getState());
            if (state == null) {
                problems.add(new FieldProblem("inspection.state", "is required when update_mask names it"));
            }
        }
        refuse(problems);

        if (!changes.getEtag().equals(current.etag())) {
            throw stale(current);
        }
        if (!current.state().mayMoveTo(state)) {
            throw Errors.failedPrecondition(new Errors.Violation("STATE", current.name(), "an inspection moves forward one stage at a "
                    + "time: from " + current.state() + " only to " + current.state().next().map(Enum::name).orElse("nowhere")
                    + ", not to " + state));
        }
        boolean frameworkChanged = !details.framework().equals(was.framework());
        if (frameworkChanged && current.state() != InspectionState.PLANNING) {
            throw Errors.failedPrecondition(new Errors.Violation("FRAMEWORK", current.name(),
                    "the framework can change only while the inspection is being planned; it is in " + current.state()));
        }
        if (frameworkChanged) {
            requireKnownFramework(details.framework(), "inspection.framework");
        }
        Inspection updated = store.update(current, details, state).orElseThrow(() -> stale(current));
        response.onNext(UpdateInspectionResponse.newBuilder().setInspection(InspectionMessages.inspection(updated)).build());
        response.onCompleted();
    }

    @Override
    public void purgeExpiredCaseData(PurgeExpiredCaseDataRequest request, StreamObserver<PurgeExpiredCaseDataResponse> response) {
        PurgeExpiredCaseDataResponse.Builder answer = PurgeExpiredCaseDataResponse.newBuilder();
        for (yardstick.cases.domain.PurgedInspection purged : purging.purge(Caller.current().actor())) {
            answer.addPurgedInspections(PurgedInspection.newBuilder()
                    .setName(purged.name())
                    .setCloseTime(Times.timestamp(purged.closeTime()))
                    .setPurgeTime(Times.timestamp(purged.purgeTime()))
                    .setEligibleCases(purged.eligibleCases())
                    .setSampledCases(purged.sampledCases())
                    .setCaseJudgements(purged.caseJudgements()));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    private void requireKnownFramework(String framework, String field) {
        if (ratingService.framework(framework).isEmpty()) {
            throw Errors.invalidArgument(field, "'" + framework + "' is not a framework rating-service knows");
        }
    }

    private Inspection existing(String name, String field) {
        return inspections.existing(name, field);
    }

    private static RuntimeException stale(Inspection current) {
        return Errors.failedPrecondition(new Errors.Violation("ETAG", current.name(),
                "the inspection changed since it was read (its etag is now " + current.etag() + "); read it again and reapply the change"));
    }

    private static void refuse(List<FieldProblem> problems) {
        Inspections.refuse(problems);
    }

    private static String token(Inspection last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private Inspection fromToken(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("after:")) {
                Optional<Inspection> last = store.find(UUID.fromString(decoded.substring("after:".length())));
                if (last.isPresent()) {
                    return last.get();
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw Errors.invalidArgument("page_token", "was not issued by this method; use a next_page_token from an earlier answer");
    }
}
