package yardstick.cases.api;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import yardstick.cases.domain.CaseCategory;
import yardstick.cases.domain.CategoryPlan;
import yardstick.cases.domain.CategorySettings;
import yardstick.cases.domain.FieldProblem;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.MarginBalance;
import yardstick.cases.domain.SamplingRefusedException;
import yardstick.cases.store.SampleStore;
import yardstick.cases.store.Sampling;
import yardstick.cases.v1.CategorySample;
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
import yardstick.cases.v1.SampledCase;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.SizeRule;
import yardstick.platform.grpc.Errors;

@Singleton
public class SamplingEndpoint extends SamplingServiceGrpc.SamplingServiceImplBase {

    private final Sampling sampling;
    private final Inspections inspections;

    SamplingEndpoint(Sampling sampling, Inspections inspections) {
        this.sampling = sampling;
        this.inspections = inspections;
    }

    @Override
    public void planSample(PlanSampleRequest request, StreamObserver<PlanSampleResponse> response) {
        Inspection inspection = inspections.forLead(request.getInspection(), "inspection");
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
            CategorySettings merged = merge(CategorySettings.defaults(category), given);
            problems.addAll(merged.problems(prefix));
            settings.put(category, merged);
        }
        Inspections.refuse(problems);
        List<CategoryPlan> plans = refused(request.getInspection(), () -> sampling.plan(inspection.id(), inspection.fieldworkStart(), settings));
        response.onNext(PlanSampleResponse.newBuilder().setPlan(plan(inspection, plans)).build());
        response.onCompleted();
    }

    @Override
    public void getSamplePlan(GetSamplePlanRequest request, StreamObserver<GetSamplePlanResponse> response) {
        Inspection inspection = inspections.forCaseData(request.getInspection(), "inspection");
        List<CategoryPlan> plans = sampling.plan(inspection.id(), inspection.fieldworkStart())
                .orElseThrow(() -> Errors.notFound(inspection.name() + "'s sample plan"));
        response.onNext(GetSamplePlanResponse.newBuilder().setPlan(plan(inspection, plans)).build());
        response.onCompleted();
    }

    @Override
    public void drawSample(DrawSampleRequest request, StreamObserver<DrawSampleResponse> response) {
        Inspection inspection = inspections.forLead(request.getInspection(), "inspection");
        List<Sampling.CategorySample> drawn = refused(inspection.name(),
                () -> sampling.draw(inspection.id(), inspection.fieldworkStart(), request.getSeed()));
        response.onNext(DrawSampleResponse.newBuilder().setSample(sample(inspection, drawn)).build());
        response.onCompleted();
    }

    @Override
    public void getSample(GetSampleRequest request, StreamObserver<GetSampleResponse> response) {
        Inspection inspection = inspections.forCaseData(request.getInspection(), "inspection");
        List<Sampling.CategorySample> drawn = sampling.sample(inspection.id(), inspection.fieldworkStart());
        if (drawn.isEmpty()) {
            throw Errors.notFound(inspection.name() + "'s sample");
        }
        response.onNext(GetSampleResponse.newBuilder().setSample(sample(inspection, drawn)).build());
        response.onCompleted();
    }

    @Override
    public void replaceSampledCase(ReplaceSampledCaseRequest request, StreamObserver<ReplaceSampledCaseResponse> response) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.getReference().isBlank()) {
            problems.add(new FieldProblem("reference", "is required: the sampled case that cannot be inspected"));
        }
        if (request.getReason().isBlank()) {
            problems.add(new FieldProblem("reason", "is required: why the case cannot be inspected"));
        }
        Inspections.refuse(problems);
        Inspection inspection = inspections.forLead(request.getInspection(), "inspection");
        Sampling.Replaced replaced = refused(inspection.name(),
                () -> sampling.replace(inspection.id(), inspection.fieldworkStart(), request.getReference(), request.getReason()));
        ReplaceSampledCaseResponse.Builder answer = ReplaceSampledCaseResponse.newBuilder()
                .setStratumExhausted(replaced.profileExhausted())
                .setNote(replaced.note())
                .setSample(category(replaced.sample()));
        replaced.replacement().ifPresent(r -> answer.setReplacement(sampledCase(r)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    private static <T> T refused(String subject, Supplier<T> step) {
        try {
            return step.get();
        } catch (SamplingRefusedException e) {
            throw Errors.failedPrecondition(new Errors.Violation(e.type(), subject, e.getMessage()));
        }
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

    private static SamplePlan plan(Inspection inspection, List<CategoryPlan> plans) {
        SamplePlan.Builder message = SamplePlan.newBuilder().setInspection(inspection.name());
        for (CategoryPlan plan : plans) {
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

    private static Sample sample(Inspection inspection, List<Sampling.CategorySample> drawn) {
        Sample.Builder message = Sample.newBuilder().setInspection(inspection.name());
        drawn.forEach(c -> message.addCategories(category(c)));
        return message.build();
    }

    private static CategorySample category(Sampling.CategorySample drawn) {
        CategorySample.Builder message = CategorySample.newBuilder()
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
                    .setAchieved(balance.achieved()));
        }
        return message.build();
    }

    private static SampledCase sampledCase(SampleStore.SampledCaseRow row) {
        SampledCase.Builder message = SampledCase.newBuilder()
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
        return message.build();
    }

    private static yardstick.common.v1.CaseCategory category(CaseCategory category) {
        return yardstick.common.v1.CaseCategory.valueOf("CASE_CATEGORY_" + category.name());
    }
}
