package yardstick.suite;

import com.google.type.Date;
import io.grpc.ManagedChannel;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import yardstick.reports.v1.Action;
import yardstick.reports.v1.CreateActionRequest;
import yardstick.reports.v1.CreatePlanRequest;
import yardstick.reports.v1.GetPlanRequest;
import yardstick.reports.v1.ImprovementPlan;
import yardstick.reports.v1.ImprovementPlanServiceGrpc;
import yardstick.reports.v1.Objective;

/**
 * report-service's writes: the inspected service's plan changes, new actions under its first
 * objective, each with a request_id of its own: one action for each acknowledged call, and no other.
 */
final class PlanWrites extends ResourceWrites {

    private final String plan;

    /** A plan of one objective and one action, made now in answer to {@code publication}, by the service that speaks for it. */
    PlanWrites(Supplier<ManagedChannel> channel, String publication) {
        super(channel);
        this.plan = stub().createPlan(CreatePlanRequest.newBuilder().setParent(publication).setRequestId(UUID.randomUUID().toString())
                .setPlan(ImprovementPlan.newBuilder().setTitle("Improvement plan")
                        .addObjectives(Objective.newBuilder().setTitle("Better oversight").addOutcomes("Consistent oversight")
                                .addActions(action("1.0"))))
                .build()).getPlan().getName();
    }

    @Override
    void round(String caller, int round) throws GaveUp {
        String requestId = UUID.randomUUID().toString();
        Action action = retried("CreateAction", () -> stub().createAction(CreateActionRequest.newBuilder()
                .setParent(plan + "/objectives/1").setRequestId(requestId).setAction(action(caller.replaceAll("\\D", "") + "." + (round + 1)))
                .build()).getAction());
        made(action.getName());
    }

    @Override
    Set<String> stored() {
        Set<String> names = new TreeSet<>();
        stub().getPlan(GetPlanRequest.newBuilder().setName(plan).build()).getPlan().getObjectivesList()
                .forEach(o -> o.getActionsList().forEach(a -> names.add(a.getName())));
        return names;
    }

    private static Action.Builder action(String reference) {
        return Action.newBuilder().setReference(reference).setText("Do " + reference).addRecommendations(1).setOwnerRole("Head of Service")
                .setStartDate(Date.newBuilder().setYear(2021).setMonth(10).setDay(1));
    }

    /** As Harrow's service (inspected-service-2), which answers Harrow's report. */
    private ImprovementPlanServiceGrpc.ImprovementPlanServiceBlockingStub stub() {
        return ImprovementPlanServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                .withCallCredentials(ProcessTestSupport.signIns().user("inspected-service-2"));
    }
}
