package yardstick.reports.app;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.reports.plans.ActionContent;
import yardstick.reports.plans.Evidence;
import yardstick.reports.plans.ImprovementPlan;
import yardstick.reports.plans.Objective;
import yardstick.reports.plans.PlanAction;
import yardstick.reports.plans.PlanDate;
import yardstick.reports.plans.PlanOnFile;
import yardstick.reports.plans.PlanState;
import yardstick.reports.plans.Problem;
import yardstick.reports.plans.Progress;
import yardstick.reports.plans.Recommendation;
import yardstick.reports.v1.Action;
import yardstick.reports.v1.ActionStatus;
import yardstick.reports.v1.RecommendationProgress;

/**
 * Plans between the contract and the rules. A plan is stored as its ImprovementPlan message
 * without what is derived (progress, overdue, unanswered recommendations), which every read
 * computes again on the day it is read.
 */
public final class PlanMessages {

    public static final String PREFIX = "plans/";

    private PlanMessages() {
    }

    /** What is stored of a plan: as the service wrote it and as it stands, nothing derived. */
    public static byte[] body(ImprovementPlan plan) {
        yardstick.reports.v1.ImprovementPlan.Builder body = yardstick.reports.v1.ImprovementPlan.newBuilder()
                .setPublication(plan.publication())
                .setServiceInspected(plan.serviceInspected())
                .setTitle(plan.title())
                .setOversight(plan.oversight())
                .setState(state(plan.state()));
        plan.recommendations().forEach(r -> body.addRecommendations(yardstick.reports.v1.Recommendation.newBuilder()
                .setNumber(r.number()).setAddressedTo(r.addressedTo()).setText(r.text())));
        for (Objective objective : plan.objectives()) {
            yardstick.reports.v1.Objective.Builder stored = yardstick.reports.v1.Objective.newBuilder()
                    .setNumber(objective.number()).setTitle(objective.title()).addAllOutcomes(objective.outcomes());
            objective.actions().forEach(a -> stored.addActions(action(a, "actions/" + a.id(), Optional.empty())));
            body.addObjectives(stored);
        }
        return body.build().toByteArray();
    }

    public static ImprovementPlan plan(byte[] body) {
        yardstick.reports.v1.ImprovementPlan stored;
        try {
            stored = yardstick.reports.v1.ImprovementPlan.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored plan is unreadable", e);
        }
        List<Objective> objectives = new ArrayList<>();
        for (yardstick.reports.v1.Objective objective : stored.getObjectivesList()) {
            List<PlanAction> actions = new ArrayList<>();
            for (Action action : objective.getActionsList()) {
                int id = Integer.parseInt(action.getName().substring(action.getName().lastIndexOf('/') + 1));
                List<Evidence> evidence = action.getEvidenceList().stream()
                        .map(e -> new Evidence(date(e.getDate()).orElseThrow(), e.getNote())).toList();
                actions.add(new PlanAction(id, content(action, new ArrayList<>()), status(action.getStatus()), action.getDroppedReason(), evidence));
            }
            objectives.add(new Objective(objective.getNumber(), objective.getTitle(), objective.getOutcomesList(), actions));
        }
        return new ImprovementPlan(stored.getPublication(), stored.getServiceInspected(), stored.getTitle(), stored.getOversight(),
                stored.getState() == yardstick.reports.v1.PlanState.PLAN_STATE_SUBMITTED ? PlanState.SUBMITTED : PlanState.DRAFT,
                stored.getRecommendationsList().stream().map(r -> new Recommendation(r.getNumber(), r.getAddressedTo(), r.getText())).toList(),
                objectives);
    }

    /** The plan as the contract gives it: names, etag and times, and its progress judged on {@code today}. */
    public static yardstick.reports.v1.ImprovementPlan message(ImprovementPlan plan, PlanOnFile row, LocalDate today) {
        String name = PREFIX + row.id();
        yardstick.reports.v1.ImprovementPlan.Builder message = yardstick.reports.v1.ImprovementPlan.newBuilder()
                .setName(name)
                .setPublication(plan.publication())
                .setServiceInspected(plan.serviceInspected())
                .setTitle(plan.title())
                .setOversight(plan.oversight())
                .setState(state(plan.state()))
                .addAllUnansweredRecommendations(plan.unansweredRecommendations())
                .setProgressDate(date(PlanDate.of(today)))
                .setEtag(row.etag())
                .setCreateTime(timestamp(row.createTime()))
                .setUpdateTime(timestamp(row.updateTime()));
        row.submitTime().ifPresent(t -> message.setSubmitTime(timestamp(t)));
        for (Recommendation recommendation : plan.recommendations()) {
            message.addRecommendations(yardstick.reports.v1.Recommendation.newBuilder().setNumber(recommendation.number())
                    .setAddressedTo(recommendation.addressedTo()).setText(recommendation.text()));
            message.addRecommendationProgress(RecommendationProgress.newBuilder().setRecommendation(recommendation.number())
                    .setProgress(progress(Progress.ofRecommendation(plan, recommendation.number(), today))));
        }
        for (Objective objective : plan.objectives()) {
            yardstick.reports.v1.Objective.Builder built = yardstick.reports.v1.Objective.newBuilder()
                    .setName(name + "/objectives/" + objective.number())
                    .setNumber(objective.number())
                    .setTitle(objective.title())
                    .addAllOutcomes(objective.outcomes())
                    .addAllRecommendations(objective.recommendations())
                    .setProgress(progress(Progress.ofObjective(objective, today)));
            objective.actions().forEach(a -> built.addActions(action(a, actionName(row.id(), a.id()), Optional.of(today))));
            message.addObjectives(built);
        }
        return message.build();
    }

    /** The plan as renditions give it: owners as roles only, no display names. */
    public static yardstick.reports.v1.ImprovementPlan withoutDisplayNames(yardstick.reports.v1.ImprovementPlan plan) {
        yardstick.reports.v1.ImprovementPlan.Builder roles = plan.toBuilder();
        roles.getObjectivesBuilderList().forEach(o -> o.getActionsBuilderList().forEach(Action.Builder::clearOwnerDisplayName));
        return roles.build();
    }

    public static String actionName(UUID plan, int action) {
        return PREFIX + plan + "/actions/" + action;
    }

    /** An action as the contract gives it; overdue only when judged on a day. */
    public static Action action(PlanAction action, String name, Optional<LocalDate> today) {
        ActionContent content = action.content();
        Action.Builder message = Action.newBuilder()
                .setName(name)
                .setReference(content.reference())
                .setText(content.text())
                .addAllRecommendations(content.recommendations())
                .setOwnerRole(content.ownerRole())
                .setOwnerDisplayName(content.ownerDisplayName())
                .setStatus(status(action.status()))
                .setDroppedReason(action.droppedReason())
                .setOverdue(today.map(action::overdueOn).orElse(false));
        content.start().ifPresent(d -> message.setStartDate(date(d)));
        content.due().ifPresent(d -> message.setDueDate(date(d)));
        action.evidence().forEach(e -> message.addEvidence(yardstick.reports.v1.Evidence.newBuilder().setDate(date(e.date())).setNote(e.note())));
        return message.build();
    }

    /** What a request says of an action; a malformed date is added to {@code problems} (fields relative to the action). */
    public static ActionContent content(Action action, List<Problem> problems) {
        return new ActionContent(action.getReference().strip(), action.getText().strip(), action.getRecommendationsList(),
                action.getOwnerRole().strip(), action.getOwnerDisplayName().strip(),
                action.hasStartDate() ? date(action.getStartDate(), "start_date", problems) : Optional.empty(),
                action.hasDueDate() ? date(action.getDueDate(), "due_date", problems) : Optional.empty());
    }

    public static Optional<PlanDate> date(Date date, String field, List<Problem> problems) {
        Optional<PlanDate> parsed = date(date);
        if (parsed.isEmpty()) {
            problems.add(new Problem(field, "must be a date (year, month, day) or a month (day 0)"));
        }
        return parsed;
    }

    public static Optional<PlanDate> date(Date date) {
        return PlanDate.valid(date.getYear(), date.getMonth(), date.getDay())
                ? Optional.of(new PlanDate(date.getYear(), date.getMonth(), date.getDay())) : Optional.empty();
    }

    public static Date date(PlanDate date) {
        return Date.newBuilder().setYear(date.year()).setMonth(date.month()).setDay(date.day()).build();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static yardstick.reports.plans.ActionStatus status(ActionStatus status) {
        return switch (status) {
            case ACTION_STATUS_IN_PROGRESS -> yardstick.reports.plans.ActionStatus.IN_PROGRESS;
            case ACTION_STATUS_COMPLETE -> yardstick.reports.plans.ActionStatus.COMPLETE;
            case ACTION_STATUS_DROPPED -> yardstick.reports.plans.ActionStatus.DROPPED;
            default -> yardstick.reports.plans.ActionStatus.NOT_STARTED;
        };
    }

    public static ActionStatus status(yardstick.reports.plans.ActionStatus status) {
        return switch (status) {
            case NOT_STARTED -> ActionStatus.ACTION_STATUS_NOT_STARTED;
            case IN_PROGRESS -> ActionStatus.ACTION_STATUS_IN_PROGRESS;
            case COMPLETE -> ActionStatus.ACTION_STATUS_COMPLETE;
            case DROPPED -> ActionStatus.ACTION_STATUS_DROPPED;
        };
    }

    private static yardstick.reports.v1.PlanState state(PlanState state) {
        return state == PlanState.SUBMITTED ? yardstick.reports.v1.PlanState.PLAN_STATE_SUBMITTED : yardstick.reports.v1.PlanState.PLAN_STATE_DRAFT;
    }

    private static yardstick.reports.v1.Progress progress(Progress progress) {
        return yardstick.reports.v1.Progress.newBuilder().setComplete(progress.complete()).setTotal(progress.total())
                .setOverdue(progress.overdue()).setDropped(progress.dropped()).build();
    }
}
