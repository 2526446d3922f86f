package yardstick.suite;

import static yardstick.suite.SignIns.ADMINISTRATOR;
import static yardstick.suite.SignIns.INSPECTED_SERVICE;
import static yardstick.suite.SignIns.INSPECTOR;
import static yardstick.suite.SignIns.LEAD_INSPECTOR;
import static yardstick.suite.SignIns.PUBLISHER;
import static yardstick.suite.SignIns.RATINGS_PANEL;
import static yardstick.suite.SignIns.subject;

import com.google.protobuf.FieldMask;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import yardstick.cases.v1.Answer;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.CategorySettings;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.DrawSampleRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.FieldworkServiceGrpc;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetModerationSampleRequest;
import yardstick.cases.v1.ModerateCaseRequest;
import yardstick.cases.v1.ModerationOutcome;
import yardstick.cases.v1.ModerationSample;
import yardstick.cases.v1.PickCasesForModerationRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.UpdateInspectionRequest;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.PlanSampleRequest;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SampledCase;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.cases.v1.SizeRule;
import yardstick.cases.v1.SubmitCaseJudgementsRequest;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;
import yardstick.common.v1.CaseCategory;
import yardstick.common.v1.DisposalType;
import yardstick.common.v1.EthnicityGroup;
import yardstick.common.v1.Gender;
import yardstick.common.v1.Rating;
import yardstick.common.v1.RiskLevel;
import yardstick.identity.LocalDirectory;
import yardstick.identity.LocalUser;
import yardstick.ratings.v1.ComputeRatingsRequest;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.GetFrameworkRequest;
import yardstick.ratings.v1.KeyQuestion;
import yardstick.ratings.v1.RatingServiceGrpc;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.ratings.v1.RecordDiscretionDecisionRequest;
import yardstick.ratings.v1.RecordQualitativeRatingRequest;
import yardstick.ratings.v1.RecordedDiscretionDecision;
import yardstick.ratings.v1.RecordedQualitativeRating;
import yardstick.ratings.v1.Standard;
import yardstick.ratings.v1.StandardBasis;
import yardstick.reports.v1.AnswerFactualAccuracyCommentRequest;
import yardstick.reports.v1.CreateFactualAccuracyCommentRequest;
import yardstick.reports.v1.CreateReportRequest;
import yardstick.reports.v1.FactualAccuracyAnswer;
import yardstick.reports.v1.FactualAccuracyCheck;
import yardstick.reports.v1.FactualAccuracyComment;
import yardstick.reports.v1.Publication;
import yardstick.reports.v1.PublishReportRequest;
import yardstick.reports.v1.Recommendation;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.ReportServiceGrpc;
import yardstick.reports.v1.ReturnFactualAccuracyCheckRequest;
import yardstick.reports.v1.SendForFactualAccuracyCheckRequest;
import yardstick.reports.v1.UpdateReportRequest;

/**
 * A synthetic inspection carried through every service so that its figures come out as a
 * published report's ({@code golden/*.json}): an eligible population whose size gives the
 * published sample sizes by the published rule, a drawn sample, judgements generated to give
 * each key question its published count of yes and applicable cases, domain one's ratings and
 * the panel's discretion as published, a report with the published recommendations, published.
 * References are pseudonymous; no names.
 */
public final class PublishedInspection {

    /**
     * Kent, 2021 (youth-2019 framework). 50 court and 30 out-of-court cases are the smallest
     * eligible populations for which the sample size formula (80 per cent, margin of 5) gives
     * Kent's 39 and 26; disposals in the proportions of Kent's sample (four youth conditional cautions).
     */
    public static final PublishedInspection KENT = new PublishedInspection("kent-2021.json", "kent-2021-improvement-plan.json",
            InspectedServices.KENT, "frameworks/youth-2019",
            LocalDate.of(2021, 6, 21), 4,
            Map.of(CaseCategory.CASE_CATEGORY_COURT, new Population(50, SizeRule.SIZE_RULE_FORMULA, Map.of(
                            DisposalType.DISPOSAL_TYPE_REFERRAL_ORDER, 25, DisposalType.DISPOSAL_TYPE_YOUTH_REHABILITATION_ORDER, 24,
                            DisposalType.DISPOSAL_TYPE_CUSTODIAL_SENTENCE, 1)),
                    CaseCategory.CASE_CATEGORY_OUT_OF_COURT, new Population(30, SizeRule.SIZE_RULE_FORMULA, Map.of(
                            DisposalType.DISPOSAL_TYPE_YOUTH_CONDITIONAL_CAUTION, 5, DisposalType.DISPOSAL_TYPE_YOUTH_CAUTION, 9,
                            DisposalType.DISPOSAL_TYPE_COMMUNITY_RESOLUTION, 16))));

    /**
     * Harrow, 2021 (youth-2021 framework). Harrow's 11 court cases are its whole population (the
     * formula asks for more); the 14 out-of-court cases are sized from the court sample by the
     * share of out-of-court cases, as its Annexe 1 says. Its report gives no fieldwork dates.
     */
    public static final PublishedInspection HARROW = new PublishedInspection("harrow-2021.json", null, InspectedServices.HARROW,
            "frameworks/youth-2021",
            LocalDate.of(2021, 7, 5), 4,
            Map.of(CaseCategory.CASE_CATEGORY_COURT, new Population(11, SizeRule.SIZE_RULE_FORMULA, Map.of(
                            DisposalType.DISPOSAL_TYPE_REFERRAL_ORDER, 6, DisposalType.DISPOSAL_TYPE_YOUTH_REHABILITATION_ORDER, 5)),
                    CaseCategory.CASE_CATEGORY_OUT_OF_COURT, new Population(14, SizeRule.SIZE_RULE_SHARE_OF_COURT, Map.of(
                            DisposalType.DISPOSAL_TYPE_COMMUNITY_RESOLUTION, 9, DisposalType.DISPOSAL_TYPE_OTHER_DIVERSION, 5))));

    /** A category's eligible population: its size, how its sample is sized, and its disposals. */
    record Population(int size, SizeRule sizeRule, Map<DisposalType, Integer> disposals) {
    }

    /** What the carried inspection produced; the service's submitted improvement plan where it published one. */
    public record Result(String inspection, RatingSnapshot snapshot, Report report, Publication publication,
                         java.util.Optional<yardstick.reports.v1.ImprovementPlan> plan) {
    }

    private final String file;
    private final String planFile;
    private final InspectedServices.Registration register;
    private final String framework;
    private final LocalDate fieldworkStart;
    private final int fieldworkDays;
    private final Map<CaseCategory, Population> populations;
    private final Struct golden;
    /** Domain one's qualitative ratings where they differ from the published ones (a synthetic follow-up's). */
    private final Map<String, Rating> qualitativeRatings;

    private PublishedInspection(String file, String planFile, InspectedServices.Registration register, String framework,
                                LocalDate fieldworkStart, int fieldworkDays, Map<CaseCategory, Population> populations) {
        this(file, planFile, register, framework, fieldworkStart, fieldworkDays, populations, Map.of());
    }

    private PublishedInspection(String file, String planFile, InspectedServices.Registration register, String framework,
                                LocalDate fieldworkStart, int fieldworkDays, Map<CaseCategory, Population> populations,
                                Map<String, Rating> qualitativeRatings) {
        this.file = file;
        this.planFile = planFile;
        this.register = register;
        this.qualitativeRatings = Map.copyOf(qualitativeRatings);
        this.framework = framework;
        this.fieldworkStart = fieldworkStart;
        this.fieldworkDays = fieldworkDays;
        this.populations = populations;
        this.golden = load(file);
    }

    /**
     * A synthetic follow-up of this inspection a year later (no published report stands behind it),
     * so that the portal has a trend to show: the same cases and judgements, and domain one's
     * qualitative ratings as {@code qualitativeRatings} gives them; no improvement plan yet.
     */
    public PublishedInspection aYearLater(Map<String, Rating> qualitativeRatings) {
        return new PublishedInspection(file, null, register, framework, fieldworkStart.plusYears(1), fieldworkDays, populations,
                qualitativeRatings);
    }

    /** Kent a year after its 2021 inspection: governance and leadership Outstanding and staff Good, one band better each. */
    public static final PublishedInspection KENT_A_YEAR_LATER = KENT.aYearLater(Map.of("1.1", Rating.RATING_OUTSTANDING,
            "1.2", Rating.RATING_GOOD));

    /** Whether this is a synthetic follow-up rather than a published inspection's reproduction. */
    public boolean followUp() {
        return !qualitativeRatings.isEmpty();
    }

    /** The published figures this inspection reproduces. */
    public Struct golden() {
        return golden;
    }

    public String framework() {
        return framework;
    }

    public String service() {
        return golden.getFieldsOrThrow("service").getStringValue();
    }

    /**
     * Carries the inspection from an eligible population to a published report, saying what it does as it goes.
     * Each step signs in as the role it needs, as the default local users ({@code ./yardstick token ROLE} gives the
     * same), so that they can read afterwards what it made: the lead inspector runs the inspection with the first
     * inspector on the team, who judges the cases; the ratings panel decides on discretion; the publisher publishes;
     * the inspected service answers with its plan. The channels carry no credentials of their own.
     */
    public Result carry(ManagedChannel cases, ManagedChannel ratings, ManagedChannel reports, SignIns signIns, Consumer<String> progress)
            throws Exception {
        CallCredentials lead = signIns.as(LEAD_INSPECTOR);
        Rated rated = carryToRatings(cases, ratings, signIns, progress);
        String inspection = rated.inspection();
        RatingSnapshot snapshot = rated.snapshot();
        Publication publication = publish(reports, signIns, inspection, progress);
        Report published = ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(60, TimeUnit.SECONDS).withCallCredentials(lead)
                .getReport(yardstick.reports.v1.GetReportRequest.newBuilder().setName(publication.getReport()).build()).getReport();
        advance(cases, lead, inspection, InspectionState.INSPECTION_STATE_CLOSED, progress);
        java.util.Optional<yardstick.reports.v1.ImprovementPlan> plan = planFile == null ? java.util.Optional.empty()
                : java.util.Optional.of(answer(reports, signIns.as(INSPECTED_SERVICE), publication));
        plan.ifPresent(p -> progress.accept("The service's improvement plan submitted: " + p.getName() + ", "
                + p.getObjectivesCount() + " objectives answering recommendations 1-" + p.getRecommendationsCount()));
        return new Result(inspection, snapshot, published, publication, plan);
    }

    /** An inspection in the rating state, and the ratings its panel computed. */
    public record Rated(String inspection, RatingSnapshot snapshot) {
    }

    /**
     * Carries the inspection from its eligible population through its ratings panel: opened,
     * sampled, judged and moderated, moved to rating and rated. It stays in the rating state, with
     * no report yet.
     */
    public Rated carryToRatings(ManagedChannel cases, ManagedChannel ratings, SignIns signIns, Consumer<String> progress) throws Exception {
        CallCredentials lead = signIns.as(LEAD_INSPECTOR);
        String inspectedService = InspectedServices.registered(cases, signIns.as(ADMINISTRATOR), register);
        Framework rules = framework(ratings, lead);
        String inspection = open(cases, lead, inspectedService, progress);
        advance(cases, lead, inspection, InspectionState.INSPECTION_STATE_SAMPLING, progress);
        List<EligibleCase> population = population();
        Sample sample = drawSample(cases, lead, inspection, population, progress);
        advance(cases, lead, inspection, InspectionState.INSPECTION_STATE_FIELDWORK, progress);
        fieldwork(cases, signIns, inspection, rules, sample, population, progress);
        advance(cases, lead, inspection, InspectionState.INSPECTION_STATE_RATING, progress);
        return new Rated(inspection, rate(ratings, signIns, inspection, rules, progress));
    }

    private Framework framework(ManagedChannel ratings, CallCredentials lead) {
        return FrameworkServiceGrpc.newBlockingStub(ratings).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(lead)
                .getFramework(GetFrameworkRequest.newBuilder().setName(framework).build()).getFramework();
    }

    /** The second inspector on the team: the second reader of the first inspector's cases. */
    private static final String SECOND_INSPECTOR = "inspector-2";

    /**
     * The lead inspector opens the inspection of the registered service, with two inspectors on the team: one judges
     * the cases, the other reads them again.
     */
    private String open(ManagedChannel cases, CallCredentials lead, String inspectedService, Consumer<String> progress) {
        String inspection = InspectionServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(lead)
                .createInspection(CreateInspectionRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setInspection(Inspection.newBuilder().setInspectedService(inspectedService).setFramework(framework)
                                .setFieldworkStart(SyntheticPopulation.date(fieldworkStart))
                                .setFieldworkEnd(SyntheticPopulation.date(fieldworkStart.plusDays(fieldworkDays)))
                                .addTeam(subject(INSPECTOR)).addTeam(SECOND_INSPECTOR)).build())
                .getInspection().getName();
        progress.accept("Inspection " + inspection + " of " + service() + " (" + framework + "), led by " + subject(LEAD_INSPECTOR)
                + " with " + subject(INSPECTOR) + " and " + SECOND_INSPECTOR);
        return inspection;
    }

    /** The lead inspector moves the inspection to its next stage. */
    private static void advance(ManagedChannel cases, CallCredentials lead, String inspection, InspectionState state, Consumer<String> progress) {
        var stub = InspectionServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(lead);
        Inspection current = stub.getInspection(GetInspectionRequest.newBuilder().setName(inspection).build()).getInspection();
        stub.updateInspection(UpdateInspectionRequest.newBuilder()
                .setInspection(Inspection.newBuilder().setName(inspection).setEtag(current.getEtag()).setState(state))
                .setUpdateMask(FieldMask.newBuilder().addPaths("state")).build());
        progress.accept("Inspection moved to " + state.name().substring("INSPECTION_STATE_".length()).toLowerCase());
    }

    /** The lead inspector imports the eligible population, plans the sample and draws it. */
    private Sample drawSample(ManagedChannel cases, CallCredentials lead, String inspection, List<EligibleCase> population,
                              Consumer<String> progress) throws Exception {
        PopulationUpload.upload(cases, lead, inspection, population, 500, java.time.Duration.ofMinutes(2));
        progress.accept("Eligible population imported: " + population.size() + " cases");
        SamplingServiceGrpc.SamplingServiceBlockingStub sampling = SamplingServiceGrpc.newBlockingStub(cases)
                .withDeadlineAfter(60, TimeUnit.SECONDS).withCallCredentials(lead);
        sampling.planSample(PlanSampleRequest.newBuilder().setInspection(inspection).addAllSettings(settings()).build());
        Sample sample = sampling.drawSample(DrawSampleRequest.newBuilder().setInspection(inspection).setSeed(2021).build()).getSample();
        progress.accept("Sample drawn: " + String.join(", ", sample.getCategoriesList().stream()
                .map(c -> c.getCasesCount() + " " + c.getCategory().name().substring("CASE_CATEGORY_".length()).toLowerCase().replace('_', '-'))
                .toList()) + " cases");
        return sample;
    }

    /**
     * The lead assigns every sampled case to the first inspector, who judges and submits them; the
     * lead picks the first case of each category for moderation and draws the random share (the
     * default tenth, seed 2021); the second inspector reads each of them again, returning the first
     * pick once with a question, which its inspector answers by submitting it again, and confirms them.
     */
    private void fieldwork(ManagedChannel cases, SignIns signIns, String inspection, Framework rules, Sample sample,
                           List<EligibleCase> population, Consumer<String> progress) {
        InspectionStages stages = new InspectionStages(cases, signIns.as(LEAD_INSPECTOR));
        List<String> active = stages.activeCases(inspection);
        stages.assign(inspection, subject(INSPECTOR), active);
        progress.accept("All " + active.size() + " sampled cases assigned to " + subject(INSPECTOR));
        judge(cases, signIns.as(INSPECTOR), inspection, rules, sample, population);
        progress.accept("Every sampled case judged and submitted");
        List<String> picked = sample.getCategoriesList().stream().map(c -> c.getCases(0).getReference()).toList();
        FieldworkServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(signIns.as(LEAD_INSPECTOR))
                .pickCasesForModeration(PickCasesForModerationRequest.newBuilder().setInspection(inspection).addAllReferences(picked)
                        .setRequestId(UUID.randomUUID().toString()).build());
        ModerationSample moderation = stages.drawModerationSample(inspection, 2021);
        progress.accept("Moderation sample: " + moderation.getCasesCount() + " cases (" + picked.size() + " picked by the lead, "
                + Math.round(moderation.getShare() * 100) + " per cent drawn at random, seed " + moderation.getSeed() + ")");
        CallCredentials reader = signIns.user(SECOND_INSPECTOR);
        returnedAndResubmitted(cases, inspection, picked.get(0), reader, signIns.as(INSPECTOR));
        stages.confirmModeration(inspection, FieldworkServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS)
                .withCallCredentials(reader).getModerationSample(GetModerationSampleRequest.newBuilder().setInspection(inspection).build())
                .getModerationSample(), reader);
        progress.accept("Every case of the moderation sample read again and confirmed by " + SECOND_INSPECTOR
                + " (one returned with a question first, and submitted again)");
    }

    /** The second reader returns the case with a question; its inspector, having answered it, submits the judgements again. */
    private static void returnedAndResubmitted(ManagedChannel cases, String inspection, String reference, CallCredentials reader,
                                               CallCredentials inspector) {
        String name = inspection + "/cases/" + reference + "/judgements";
        JudgementServiceGrpc.JudgementServiceBlockingStub judging = JudgementServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS);
        CaseJudgements read = judging.withCallCredentials(reader).getCaseJudgements(GetCaseJudgementsRequest.newBuilder().setName(name).build())
                .getJudgements();
        CaseJudgements returned = FieldworkServiceGrpc.newBlockingStub(cases).withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(reader)
                .moderateCase(ModerateCaseRequest.newBuilder().setName(name).setEtag(read.getEtag())
                        .setOutcome(ModerationOutcome.MODERATION_OUTCOME_RETURNED)
                        .setReason("Please confirm the planning evidence behind the judgements; the case record was thin.")
                        .setRequestId(UUID.randomUUID().toString()).build()).getJudgements();
        judging.withCallCredentials(inspector).submitCaseJudgements(SubmitCaseJudgementsRequest.newBuilder().setName(name)
                .setEtag(returned.getEtag()).build());
    }

    /** The lead records the qualitative ratings, the panel its discretion, and the lead computes the ratings. */
    private RatingSnapshot rate(ManagedChannel ratings, SignIns signIns, String inspection, Framework rules, Consumer<String> progress) {
        RatingServiceGrpc.RatingServiceBlockingStub rating = RatingServiceGrpc.newBlockingStub(ratings).withDeadlineAfter(60, TimeUnit.SECONDS)
                .withCallCredentials(signIns.as(LEAD_INSPECTOR));
        for (Standard standard : standards(rules)) {
            if (standard.getBasis() != StandardBasis.STANDARD_BASIS_CASE_BASED && !standard.getRatedSeparately()) {
                rating.recordQualitativeRating(RecordQualitativeRatingRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setRating(RecordedQualitativeRating.newBuilder()
                        .setInspection(inspection).setStandard(standard.getId())
                        .setRating(qualitativeRatings.getOrDefault(standard.getId(), publishedRating(standard.getId())))
                        .setRationale("Judged against the published ratings characteristics, as in the published report.")).build());
            }
        }
        for (Value decision : list("discretion")) {
            Struct fields = decision.getStructValue();
            rating.withCallCredentials(signIns.as(RATINGS_PANEL)).recordDiscretionDecision(RecordDiscretionDecisionRequest.newBuilder()
                    .setRequestId(UUID.randomUUID().toString()).setDecision(RecordedDiscretionDecision.newBuilder()
                    .setInspection(inspection).setStandard(text(fields, "standard"))
                    .setTo(Rating.valueOf("RATING_" + text(fields, "to"))).setRationale(text(fields, "basis")))
                    .build());
        }
        RatingSnapshot snapshot = rating.computeRatings(ComputeRatingsRequest.newBuilder().setInspection(inspection)
                .setRequestId(UUID.randomUUID().toString()).build()).getSnapshot();
        progress.accept("Ratings computed: " + snapshot.getName() + ", " + snapshot.getRatings().getScore() + "/"
                + snapshot.getRatings().getMaximumScore());
        return snapshot;
    }

    /**
     * The lead drafts and writes the report and sends it to the inspected service for its factual-accuracy check; the
     * service (its own local user: inspected-service-1 for Kent, -2 for Harrow) reads the draft, comments on one section
     * and returns the check; the lead answers the comment; the publisher, who wrote none of it, publishes it.
     */
    private Publication publish(ManagedChannel reports, SignIns signIns, String inspection, Consumer<String> progress) {
        ReportServiceGrpc.ReportServiceBlockingStub reporting = ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(60, TimeUnit.SECONDS)
                .withCallCredentials(signIns.as(LEAD_INSPECTOR));
        Report draft = reporting.createReport(CreateReportRequest.newBuilder().setInspection(inspection)
                .setRequestId(UUID.randomUUID().toString()).build()).getReport();
        Report written = reporting.updateReport(UpdateReportRequest.newBuilder().setName(draft.getName()).setEtag(draft.getEtag())
                .setExecutiveSummary((followUp()
                        ? "This is a demonstration. The inspection is synthetic, a follow-up a year after the one HM Inspectorate of "
                        + "Probation published for " + service() + " in 2021, with the same case judgements and domain one rated "
                        + "better; no published report stands behind it. It was carried through Yardstick's case, rating and report services.\n\n"
                        : "This is a demonstration. The inspection is synthetic: its population, sample and judgements were "
                        + "generated so that its figures reproduce those HM Inspectorate of Probation published for " + service()
                        + " in 2021, and it was carried through Yardstick's case, rating and report services.\n\n")
                        + "Every figure in this report was computed by those services from the judgements; none was typed.")
                .setBackground("The figures of the published report are Crown copyright, used under the Open Government Licence.")
                .addAllRecommendations(recommendations()).build()).getReport();
        progress.accept("Report " + written.getName() + " assembled and written (version " + written.getVersion() + ")");

        FactualAccuracyCheck check = reporting.sendForFactualAccuracyCheck(SendForFactualAccuracyCheckRequest.newBuilder()
                .setName(written.getName()).setEtag(written.getEtag()).setRequestId(UUID.randomUUID().toString())
                .setDeadline(com.google.protobuf.Timestamp.newBuilder().setSeconds(Instant.now().plus(Duration.ofDays(14)).getEpochSecond()))
                .build()).getCheck();
        String speaker = inspectedServiceUser();
        ReportServiceGrpc.ReportServiceBlockingStub service = ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(60, TimeUnit.SECONDS)
                .withCallCredentials(signIns.user(speaker));
        Report read = service.getReport(yardstick.reports.v1.GetReportRequest.newBuilder().setName(written.getName()).build()).getReport();
        String section = read.getStandards(0).getStandard();
        FactualAccuracyComment comment = service.createFactualAccuracyComment(CreateFactualAccuracyCommentRequest.newBuilder()
                .setParent(check.getName()).setSection(section).setRequestId(UUID.randomUUID().toString())
                .setText("Please confirm that the figures in this section come from the sample drawn for this inspection.").build())
                .getComment();
        service.returnFactualAccuracyCheck(ReturnFactualAccuracyCheckRequest.newBuilder().setName(check.getName())
                .setRequestId(UUID.randomUUID().toString()).build());
        progress.accept("Sent for its factual-accuracy check; " + speaker + " commented on " + section + " and returned it");
        reporting.answerFactualAccuracyComment(AnswerFactualAccuracyCommentRequest.newBuilder().setName(comment.getName())
                .setAnswer(FactualAccuracyAnswer.FACTUAL_ACCURACY_ANSWER_DECLINED).setRequestId(UUID.randomUUID().toString())
                .setReason("No change needed: every figure in the section is computed from this inspection's sampled cases.").build());
        progress.accept("The lead answered the comment: " + comment.getName());

        Publication publication = ReportServiceGrpc.newBlockingStub(reports).withDeadlineAfter(60, TimeUnit.SECONDS)
                .withCallCredentials(signIns.as(PUBLISHER)).publishReport(PublishReportRequest.newBuilder().setName(written.getName())
                .setEtag(written.getEtag()).setRequestId(UUID.randomUUID().toString()).build()).getPublication();
        progress.accept("Published: " + publication.getName());
        return publication;
    }

    /** The local user who speaks for the service inspected: inspected-service-1 for Kent, inspected-service-2 for Harrow. */
    private String inspectedServiceUser() {
        return java.util.stream.Stream.of("inspected-service-1", "inspected-service-2")
                .filter(subject -> LocalDirectory.user(subject).flatMap(LocalUser::inspectedService)
                        .filter(("inspectedServices/" + register.code())::equals).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("no local user speaks for " + service()));
    }

    /**
     * The service's published improvement plan ({@code golden/*-improvement-plan.json}: objectives, outcomes and actions,
     * owners as roles), created through the API in answer to the publication, and submitted by the service's default
     * local user (inspected-service-1, who speaks for Kent: the only service here with a published plan).
     */
    private yardstick.reports.v1.ImprovementPlan answer(ManagedChannel reports, CallCredentials service, Publication publication) {
        Struct golden = load(planFile);
        yardstick.reports.v1.ImprovementPlan.Builder plan = yardstick.reports.v1.ImprovementPlan.newBuilder()
                .setTitle(text(golden, "title")).setOversight(text(golden, "oversight"));
        for (Value objectiveValue : golden.getFieldsOrThrow("objectives").getListValue().getValuesList()) {
            Struct objective = objectiveValue.getStructValue();
            yardstick.reports.v1.Objective.Builder built = yardstick.reports.v1.Objective.newBuilder().setTitle(text(objective, "title"));
            objective.getFieldsOrThrow("outcomes").getListValue().getValuesList().forEach(o -> built.addOutcomes(o.getStringValue()));
            for (Value actionValue : objective.getFieldsOrThrow("actions").getListValue().getValuesList()) {
                Struct action = actionValue.getStructValue();
                String[] month = text(action, "start_month").split("-");
                yardstick.reports.v1.Action.Builder answering = yardstick.reports.v1.Action.newBuilder().setReference(text(action, "reference"))
                        .setText(text(action, "text")).setOwnerRole(text(action, "owner_role"))
                        .setStartDate(com.google.type.Date.newBuilder().setYear(Integer.parseInt(month[0])).setMonth(Integer.parseInt(month[1])));
                action.getFieldsOrThrow("recommendations").getListValue().getValuesList()
                        .forEach(n -> answering.addRecommendations((int) n.getNumberValue()));
                built.addActions(answering);
            }
            plan.addObjectives(built);
        }
        var plans = yardstick.reports.v1.ImprovementPlanServiceGrpc.newBlockingStub(reports).withDeadlineAfter(60, TimeUnit.SECONDS)
                .withCallCredentials(service);
        yardstick.reports.v1.ImprovementPlan created = plans.createPlan(yardstick.reports.v1.CreatePlanRequest.newBuilder()
                .setParent(publication.getName()).setPlan(plan).setRequestId(UUID.randomUUID().toString()).build()).getPlan();
        return plans.submitPlan(yardstick.reports.v1.SubmitPlanRequest.newBuilder().setName(created.getName()).setEtag(created.getEtag())
                .build()).getPlan();
    }

    /** The eligible population: each category's size and disposals as set above, recent cases in the published share. */
    List<EligibleCase> population() {
        Random random = new Random(file.hashCode());
        List<EligibleCase> cases = new ArrayList<>();
        for (var entry : populations.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Struct sample = sample(entry.getKey());
            double recentShare = sample.getFieldsOrThrow("recent_share").getNumberValue();
            List<Value> window = sample.getFieldsOrThrow("recent_window_months").getListValue().getValuesList();
            int from = (int) window.get(0).getNumberValue();
            int to = (int) window.get(1).getNumberValue();
            int size = entry.getValue().size();
            List<Boolean> recent = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                recent.add(i < Math.min(size, (int) Math.ceil(recentShare * size) + 1));
            }
            java.util.Collections.shuffle(recent, random);
            int index = 0;
            for (var disposal : entry.getValue().disposals().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                for (int i = 0; i < disposal.getValue(); i++) {
                    LocalDate date = recent.get(index++)
                            ? fieldworkStart.minusMonths(from).minusDays(1 + random.nextInt(Math.max(1, 30 * (to - from) - 2)))
                            : fieldworkStart.minusMonths(to).minusDays(5 + random.nextInt(60));
                    cases.add(EligibleCase.newBuilder()
                            .setReference(String.format("GLD-%04d", cases.size() + 1))
                            .setCategory(entry.getKey())
                            .setDisposalType(disposal.getKey())
                            .setDisposalDate(SyntheticPopulation.date(date))
                            .setGender(random.nextInt(100) < 15 ? Gender.GENDER_FEMALE : Gender.GENDER_MALE)
                            .setAge(random.nextInt(100) < 20 ? 12 + random.nextInt(3) : 15 + random.nextInt(3))
                            .setEthnicity(random.nextInt(100) < 78 ? EthnicityGroup.ETHNICITY_GROUP_WHITE
                                    : random.nextBoolean() ? EthnicityGroup.ETHNICITY_GROUP_BLACK : EthnicityGroup.ETHNICITY_GROUP_MIXED)
                            .setRiskOfSeriousHarm(RiskLevel.forNumber(1 + random.nextInt(3)))
                            .setSafetyAndWellbeing(RiskLevel.forNumber(1 + random.nextInt(3)))
                            .setCaseManager(String.format("CM-%03d", 1 + random.nextInt(12)))
                            .build());
                }
            }
        }
        return cases;
    }

    private List<CategorySettings> settings() {
        List<CategorySettings> settings = new ArrayList<>();
        for (var entry : populations.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Struct sample = sample(entry.getKey());
            List<Value> window = sample.getFieldsOrThrow("recent_window_months").getListValue().getValuesList();
            Value confidence = sample.getFieldsOrDefault("confidence", Value.getDefaultInstance());
            Value margin = sample.getFieldsOrDefault("margin", Value.getDefaultInstance());
            settings.add(CategorySettings.newBuilder().setCategory(entry.getKey()).setWindowMonths(12)
                    .setRecentFromMonths((int) window.get(0).getNumberValue()).setRecentToMonths((int) window.get(1).getNumberValue())
                    .setRecentShare(sample.getFieldsOrThrow("recent_share").getNumberValue())
                    .setConfidence(confidence.hasNumberValue() ? confidence.getNumberValue() : 0.8)
                    .setMarginOfError(margin.hasNumberValue() ? margin.getNumberValue() : 0.05)
                    .setMinimum(1).setMaximum(91).setSizeRule(entry.getValue().sizeRule()).build());
        }
        return settings;
    }

    /**
     * Judges every sampled case so that each key question has its published yes and applicable
     * counts: the applicable cases and their yes answers are spread over the sample by turns, and
     * each prompt is answered yes in about its published share of the applicable cases.
     */
    private void judge(ManagedChannel cases, CallCredentials inspector, String inspection, Framework rules, Sample sample, List<EligibleCase> population) {
        Map<String, EligibleCase> byReference = new HashMap<>();
        population.forEach(c -> byReference.put(c.getReference(), c));
        Map<String, int[]> counts = keyQuestionCounts();
        Map<String, Integer> promptPercentages = promptPercentages();
        Map<String, Answer> answers = new HashMap<>();
        int turn = 0;
        for (var category : sample.getCategoriesList()) {
            List<EligibleCase> sampled = category.getCasesList().stream().filter(SampledCase::getActive)
                    .map(c -> byReference.get(c.getReference())).toList();
            for (Standard standard : standards(rules)) {
                if (standard.getBasis() != StandardBasis.STANDARD_BASIS_CASE_BASED || standard.getCaseCategory() != category.getCategory()) {
                    continue;
                }
                for (KeyQuestion question : standard.getKeyQuestionsList()) {
                    List<EligibleCase> asked = sampled.stream()
                            .filter(c -> SyntheticJudgements.askedOf(rules, c).stream().anyMatch(q -> q.getId().equals(question.getId()))).toList();
                    int[] count = counts.get(question.getId());
                    if (count == null || count[1] > asked.size()) {
                        throw new IllegalStateException(question.getId() + " needs " + (count == null ? "published counts" : count[1]
                                + " applicable cases but the sample has " + asked.size() + " it is asked of"));
                    }
                    turn += 7;
                    for (int i = 0; i < asked.size(); i++) {
                        EligibleCase eligible = asked.get((i + turn) % asked.size());
                        String key = eligible.getReference() + question.getId();
                        boolean applicable = i < count[1];
                        answers.put(key, !applicable ? Answer.ANSWER_NOT_APPLICABLE : i < count[0] ? Answer.ANSWER_YES : Answer.ANSWER_NO);
                        for (var prompt : question.getPromptsList()) {
                            int percentage = promptPercentages.getOrDefault(question.getId() + prompt.getLetter(), 60);
                            int yes = (int) Math.round(percentage * count[1] / 100.0);
                            int position = Math.floorMod(i - prompt.getLetter().charAt(0), Math.max(1, count[1]));
                            answers.put(key + prompt.getLetter(), !applicable ? Answer.ANSWER_NOT_APPLICABLE
                                    : position < yes ? Answer.ANSWER_YES : Answer.ANSWER_NO);
                        }
                    }
                }
            }
            for (EligibleCase eligible : sampled) {
                String name = inspection + "/cases/" + eligible.getReference() + "/judgements";
                JudgementServiceGrpc.JudgementServiceBlockingStub judging = JudgementServiceGrpc.newBlockingStub(cases)
                        .withDeadlineAfter(30, TimeUnit.SECONDS).withCallCredentials(inspector);
                CaseJudgements saved = judging.updateCaseJudgements(UpdateCaseJudgementsRequest.newBuilder().setJudgements(
                                SyntheticJudgements.forCase(name, rules, eligible, answers::get)).build()).getJudgements();
                judging.submitCaseJudgements(
                        SubmitCaseJudgementsRequest.newBuilder().setName(saved.getName()).setEtag(saved.getEtag()).build());
            }
        }
    }

    /** Published (yes, applicable) of each key question, numbered by its order within its standard, as the framework numbers them. */
    public Map<String, int[]> keyQuestionCounts() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Struct> question : keyQuestions().entrySet()) {
            Struct count = question.getValue().getFieldsOrThrow("counts").getStructValue();
            counts.put(question.getKey(), new int[] {(int) count.getFieldsOrThrow("yes").getNumberValue(),
                (int) count.getFieldsOrThrow("applicable").getNumberValue()});
        }
        return counts;
    }

    /** Published whole percentage of each key question. */
    public Map<String, Integer> keyQuestionPercentages() {
        Map<String, Integer> percentages = new LinkedHashMap<>();
        keyQuestions().forEach((id, question) -> percentages.put(id, (int) question.getFieldsOrThrow("percent_yes").getNumberValue()));
        return percentages;
    }

    private Map<String, Struct> keyQuestions() {
        Map<String, Struct> questions = new LinkedHashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (Value value : list("key_questions")) {
            Struct question = value.getStructValue();
            String standard = text(question, "standard");
            questions.put(standard + "." + position.merge(standard, 1, Integer::sum), question);
        }
        return questions;
    }

    /** Published prompt percentages by key question and letter ("2.1.1a"), the key question found by its area within the standard. */
    private Map<String, Integer> promptPercentages() {
        Map<String, String> byArea = new HashMap<>();
        keyQuestions().forEach((id, question) -> byArea.put(text(question, "standard") + "/" + text(question, "area"), id));
        Map<String, Integer> percentages = new HashMap<>();
        for (Value value : list("prompts")) {
            Struct prompt = value.getStructValue();
            String id = byArea.get(text(prompt, "standard") + "/" + text(prompt, "key_question_area"));
            Value percentage = prompt.getFieldsOrDefault("percent_yes", Value.getDefaultInstance());
            if (id != null && percentage.hasNumberValue()) {
                percentages.put(id + text(prompt, "label"), (int) percentage.getNumberValue());
            }
        }
        return percentages;
    }

    /** Published rating of each standard. */
    public Rating publishedRating(String standard) {
        return Rating.valueOf("RATING_" + text(golden.getFieldsOrThrow("ratings").getStructValue().getFieldsOrThrow(standard).getStructValue(),
                "rating"));
    }

    public Struct sample(CaseCategory category) {
        String key = category == CaseCategory.CASE_CATEGORY_COURT ? "court" : "out_of_court";
        return golden.getFieldsOrThrow("samples").getStructValue().getFieldsOrThrow(key).getStructValue();
    }

    List<Recommendation> recommendations() {
        List<Recommendation> recommendations = new ArrayList<>();
        for (Value value : list("recommendations")) {
            Struct recommendation = value.getStructValue();
            recommendations.add(Recommendation.newBuilder().setNumber((int) recommendation.getFieldsOrThrow("number").getNumberValue())
                    .setAddressedTo(text(recommendation, "addressed_to")).setText(text(recommendation, "text")).build());
        }
        return recommendations;
    }

    private List<Value> list(String field) {
        return golden.getFieldsOrDefault(field, Value.newBuilder().setListValue(ListValue.getDefaultInstance()).build())
                .getListValue().getValuesList();
    }

    private static List<Standard> standards(Framework framework) {
        return framework.getDomainsList().stream().flatMap(d -> d.getStandardsList().stream()).toList();
    }

    private static String text(Struct struct, String field) {
        return struct.getFieldsOrDefault(field, Value.getDefaultInstance()).getStringValue();
    }

    private static Struct load(String file) {
        try (InputStream in = PublishedInspection.class.getResourceAsStream("/golden/" + file)) {
            Struct.Builder json = Struct.newBuilder();
            JsonFormat.parser().merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), json);
            return json.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
