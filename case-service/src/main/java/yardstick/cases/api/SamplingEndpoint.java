package yardstick.cases.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import yardstick.cases.app.BadFields;
import yardstick.cases.app.CategorySample;
import yardstick.cases.app.DrawingSample;
import yardstick.cases.app.InspectionName;
import yardstick.cases.app.InspectionSample;
import yardstick.cases.app.PlannedSample;
import yardstick.cases.app.PlanningSample;
import yardstick.cases.app.ReadingSample;
import yardstick.cases.app.ReplacingSampledCase;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CategoryPlan;
import yardstick.cases.domain.CategorySettings;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.LoosenedBound;
import yardstick.cases.domain.MarginBalance;
import yardstick.cases.v1.DrawSampleRequest;
import yardstick.cases.v1.DrawSampleResponse;
import yardstick.cases.v1.GetSamplePlanRequest;
import yardstick.cases.v1.GetSamplePlanResponse;
import yardstick.cases.v1.GetSampleRequest;
import yardstick.cases.v1.GetSampleResponse;
import yardstick.cases.v1.PlanSampleRequest;
import yardstick.cases.v1.PlanSampleResponse;
import yardstick.cases.v1.ReplaceSampledCaseRequest;
import yardstick.cases.v1.ReplaceSampledCaseResponse;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplePlan;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.SizeRule;
import yardstick.platform.grpc.Refusals;
import yardstick.platform.identity.Caller;
import yardstick.platform.store.RequestRecords;

@Singleton
public class SamplingEndpoint extends SamplingServiceGrpc.SamplingServiceImplBase {

    private final PlanningSample planning;
    private final DrawingSample drawing;
    private final ReplacingSampledCase replacing;
    private final ReadingSample reading;
    private final RequestRecords requests;

    SamplingEndpoint(PlanningSample planning, DrawingSample drawing, ReplacingSampledCase replacing, ReadingSample reading,
                     RequestRecords requests) {
        this.planning = planning;
        this.drawing = drawing;
        this.replacing = replacing;
        this.reading = reading;
        this.requests = requests;
    }

    @Override
    public void planSample(PlanSampleRequest request, StreamObserver<PlanSampleResponse> response) {
        Refusals.answer(response, () -> {
            InspectionName inspection = Inspections.name(request.getInspection(), "inspection");
            Map<CaseCategory, CategorySettings> settings = new EnumMap<>(CaseCategory.class);
            List<FieldProblem> problems = new ArrayList<>();
            for (int i = 0; i < request.getSettingsCount(); i++) {
                String prefix = "settings[" + i + "].";
                yardstick.cases.v1.CategorySettings given = request.getSettings(i);
                CaseCategory category = PopulationMessages.constant(CaseCategory.class, given.getCategory(), "CASE_CATEGORY_");
                if (category == null) {
                    problems.add(new FieldProblem(prefix + "category", "is required"));
                    continue;
                }
                if (settings.containsKey(category)) {
                    problems.add(new FieldProblem(prefix + "category", category + " is given twice"));
                }
                if (given.getSizeRule() == SizeRule.UNRECOGNIZED) {
                    problems.add(new FieldProblem(prefix + "size_rule", "is not a size rule this service knows (" + given.getSizeRuleValue()
                            + "): SIZE_RULE_FORMULA, SIZE_RULE_SHARE_OF_COURT, or unset for the category's default"));
                }
                CategorySettings merged = merge(CategorySettings.defaults(category), given);
                problems.addAll(merged.problems(prefix));
                settings.put(category, merged);
            }
            PlannedSample planned = planning.plan(Caller.current(), new PlanningSample.PlanSample(inspection, settings, problems));
            return PlanSampleResponse.newBuilder().setPlan(plan(planned)).build();
        });
    }

    @Override
    public void getSamplePlan(GetSamplePlanRequest request, StreamObserver<GetSamplePlanResponse> response) {
        Refusals.answer(response, () -> GetSamplePlanResponse.newBuilder()
                .setPlan(plan(reading.plan(Caller.current(), Inspections.name(request.getInspection(), "inspection")))).build());
    }

    @Override
    public void drawSample(DrawSampleRequest request, StreamObserver<DrawSampleResponse> response) {
        Refusals.answer(response, () -> {
            Caller caller = Caller.current();
            DrawingSample.DrawSample command = new DrawingSample.DrawSample(Inspections.name(request.getInspection(), "inspection"),
                    request.getSeed());
            return Retries.once(requests, request.getRequestId(), request, DrawSampleResponse.parser(),
                    () -> DrawSampleResponse.newBuilder().setSample(sample(drawing.draw(caller, command))).build());
        });
    }

    @Override
    public void getSample(GetSampleRequest request, StreamObserver<GetSampleResponse> response) {
        Refusals.answer(response, () -> GetSampleResponse.newBuilder()
                .setSample(sample(reading.sample(Caller.current(), Inspections.name(request.getInspection(), "inspection")))).build());
    }

    @Override
    public void replaceSampledCase(ReplaceSampledCaseRequest request, StreamObserver<ReplaceSampledCaseResponse> response) {
        Refusals.answer(response, () -> {
            List<FieldProblem> problems = new ArrayList<>();
            if (request.getReference().isBlank()) {
                problems.add(new FieldProblem("reference", "is required: the sampled case that cannot be inspected"));
            }
            if (request.getReason().isBlank()) {
                problems.add(new FieldProblem("reason", "is required: why the case cannot be inspected"));
            }
            BadFields.refuse(problems);
            Caller caller = Caller.current();
            ReplacingSampledCase.ReplaceSampledCase command = new ReplacingSampledCase.ReplaceSampledCase(
                    Inspections.name(request.getInspection(), "inspection"), request.getReference(), request.getReason());
            return Retries.once(requests, request.getRequestId(), request, ReplaceSampledCaseResponse.parser(), () -> {
                ReplacingSampledCase.Replaced replaced = replacing.replace(caller, command);
                ReplaceSampledCaseResponse.Builder answer = ReplaceSampledCaseResponse.newBuilder()
                        .setStratumExhausted(replaced.profileExhausted())
                        .setNote(replaced.note())
                        .setSample(category(replaced.sample()));
                replaced.replacement().ifPresent(r -> answer.setReplacement(sampledCase(r)));
                return answer.build();
            });
        });
    }

    private static CategorySettings merge(CategorySettings defaults, yardstick.cases.v1.CategorySettings given) {
        return new CategorySettings(defaults.category(),
                given.getWindowMonths() != 0 ? given.getWindowMonths() : defaults.windowMonths(),
                given.getRecentFromMonths() != 0 ? given.getRecentFromMonths() : defaults.recentFromMonths(),
                given.getRecentToMonths() != 0 ? given.getRecentToMonths() : defaults.recentToMonths(),
                given.getRecentShare() != 0 ? given.getRecentShare() : defaults.recentShare(),
                given.getConfidence() != 0 ? given.getConfidence() : defaults.confidence(),
                given.getMarginOfError() != 0 ? given.getMarginOfError() : defaults.marginOfError(),
                given.getMinimum() != 0 ? given.getMinimum() : defaults.minimum(),
                given.getMaximum() != 0 ? given.getMaximum() : defaults.maximum(),
                given.getSizeRule() == SizeRule.SIZE_RULE_SHARE_OF_COURT ? CategorySettings.SizeRule.SHARE_OF_COURT
                        : given.getSizeRule() == SizeRule.SIZE_RULE_FORMULA ? CategorySettings.SizeRule.FORMULA : defaults.sizeRule());
    }

    private static SamplePlan plan(PlannedSample planned) {
        SamplePlan.Builder message = SamplePlan.newBuilder().setInspection(planned.inspection().name());
        for (CategoryPlan plan : planned.categories()) {
            CategorySettings s = plan.settings();
            message.addCategories(yardstick.cases.v1.CategoryPlan.newBuilder()
                    .setSettings(yardstick.cases.v1.CategorySettings.newBuilder()
                            .setCategory(category(s.category()))
                            .setWindowMonths(s.windowMonths())
                            .setRecentFromMonths(s.recentFromMonths())
                            .setRecentToMonths(s.recentToMonths())
                            .setRecentShare(s.recentShare())
                            .setConfidence(s.confidence())
                            .setMarginOfError(s.marginOfError())
                            .setMinimum(s.minimum())
                            .setMaximum(s.maximum())
                            .setSizeRule(s.sizeRule() == CategorySettings.SizeRule.FORMULA ? SizeRule.SIZE_RULE_FORMULA
                                    : SizeRule.SIZE_RULE_SHARE_OF_COURT))
                    .setWindowStart(InspectionMessages.date(plan.windowStart()))
                    .setWindowEnd(InspectionMessages.date(plan.windowEnd()))
                    .setRecentStart(InspectionMessages.date(plan.recentStart()))
                    .setRecentEnd(InspectionMessages.date(plan.recentEnd()))
                    .setPopulation(plan.population())
                    .setRecentInPopulation(plan.recentInPopulation())
                    .setZ(plan.formula().z())
                    .setUncorrectedSize(plan.formula().uncorrected())
                    .setCorrectedSize(plan.formula().corrected())
                    .setSize(plan.size())
                    .setSizeReason(plan.sizeReason())
                    .setMarginOfErrorAchieved(plan.formula().marginOfErrorFor(plan.size())));
        }
        return message.build();
    }

    private static Sample sample(InspectionSample drawn) {
        Sample.Builder message = Sample.newBuilder().setInspection(drawn.inspection().name());
        drawn.categories().forEach(c -> message.addCategories(category(c)));
        return message.build();
    }

    private static yardstick.cases.v1.CategorySample category(CategorySample drawn) {
        yardstick.cases.v1.CategorySample.Builder message = yardstick.cases.v1.CategorySample.newBuilder()
                .setCategory(category(drawn.draw().category()))
                .setSeed(drawn.draw().seed())
                .setMethod(drawn.draw().method());
        drawn.cases().forEach(r -> message.addCases(sampledCase(r)));
        for (MarginBalance balance : drawn.balance()) {
            message.addBalance(yardstick.cases.v1.MarginBalance.newBuilder()
                    .setClassification(balance.classification())
                    .setCategory(balance.category())
                    .setInPopulation(balance.inPopulation())
                    .setProportionalTarget(balance.proportionalTarget())
                    .setTarget(balance.target())
                    .setAchieved(balance.achieved())
                    .setLoosenedBy(drawn.loosened().stream().filter(l -> l.classification().equals(balance.classification())
                            && l.category().equals(balance.category())).mapToInt(LoosenedBound::cases).findFirst().orElse(0)));
        }
        return message.build();
    }

    static yardstick.cases.v1.SampledCase sampledCase(yardstick.cases.domain.SampledCase row) {
        yardstick.cases.v1.SampledCase.Builder message = yardstick.cases.v1.SampledCase.newBuilder()
                .setReference(row.reference())
                .setCategory(category(row.category()))
                .setRecent(row.profile().recent())
                .setActive(row.active())
                .setProfile(row.profile().key());
        if (row.inclusionProbability() != null) {
            message.setInclusionProbability(row.inclusionProbability());
        }
        if (row.replacedBecause() != null) {
            message.setReplacedBecause(row.replacedBecause());
        }
        if (row.replaces() != null) {
            message.setReplaces(row.replaces()).setReplacementNote(row.replacementNote());
        }
        if (row.inspector() != null) {
            message.setInspector(row.inspector());
        }
        return message.build();
    }

    private static yardstick.common.v1.CaseCategory category(CaseCategory category) {
        return yardstick.common.v1.CaseCategory.valueOf("CASE_CATEGORY_" + category.name());
    }
}
