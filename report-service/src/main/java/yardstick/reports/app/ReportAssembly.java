package yardstick.reports.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import yardstick.cases.v1.CategoryPlan;
import yardstick.cases.v1.CategorySample;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.GetJudgementTalliesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.MarginBalance;
import yardstick.cases.v1.PopulationSummary;
import yardstick.cases.v1.PromptCount;
import yardstick.cases.v1.SamplePlan;
import yardstick.platform.statistics.Percentages;
import yardstick.ratings.v1.Prompt;
import yardstick.reports.domain.ContextualFacts;
import yardstick.reports.v1.ContextualFact;
import yardstick.reports.v1.PromptRow;
import yardstick.reports.v1.SubSample;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.Domain;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.KeyQuestion;
import yardstick.ratings.v1.KeyQuestionResult;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.ratings.v1.Standard;
import yardstick.ratings.v1.StandardRating;
import yardstick.reports.v1.KeyQuestionRow;
import yardstick.reports.v1.LoosenedBound;
import yardstick.reports.v1.RatingsRow;
import yardstick.reports.v1.RatingsTable;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.SampleFacts;
import yardstick.reports.v1.StandardSection;

/**
 * Lays out a report's figures the way the inspectorate's reports do: the ratings table (core
 * standards, then resettlement apart), a section per standard with its key-question table, and
 * Annexe 1's sampling facts. Every figure is copied from the snapshot, framework and plan given.
 */
public final class ReportAssembly {

    private ReportAssembly() {
    }

    static Report.Builder assemble(Inspection inspection, Framework framework, RatingSnapshot snapshot, SamplePlan plan, Sample sample,
                                   PopulationSummary population, GetJudgementTalliesResponse tallies) {
        CalculateRatingsResponse ratings = snapshot.getRatings();
        Map<String, PromptCount> prompts = new HashMap<>();
        tallies.getPromptsList().forEach(p -> prompts.put(p.getKeyQuestion() + p.getPrompt(), p));
        Map<yardstick.common.v1.CaseCategory, CategoryPlan> categories = new HashMap<>();
        plan.getCategoriesList().forEach(c -> categories.put(c.getSettings().getCategory(), c));
        Map<String, StandardRating> byStandard = new HashMap<>();
        ratings.getStandardRatingsList().forEach(s -> byStandard.put(s.getStandard(), s));

        RatingsTable.Builder table = RatingsTable.newBuilder()
                .setScore(ratings.getScore())
                .setMaximumScore(ratings.getMaximumScore())
                .setOverall(ratings.getOverall())
                .setResettlementRated(ratings.getResettlementRated())
                .setResettlement(ratings.getResettlement());
        Report.Builder report = Report.newBuilder()
                .setInspection(inspection.getName())
                .setServiceInspected(inspection.getServiceInspected())
                .setInspectedService(inspection.getInspectedService())
                .setFieldworkStart(inspection.getFieldworkStart())
                .setFieldworkEnd(inspection.getFieldworkEnd())
                .setFramework(framework.getName())
                .setRatingsSnapshot(snapshot.getName());
        for (Domain domain : framework.getDomainsList()) {
            for (Standard standard : domain.getStandardsList()) {
                StandardRating rating = byStandard.get(standard.getId());
                if (rating == null) {
                    if (standard.getRatedSeparately()) { // not rated: the sample had no relevant cases
                        table.addNotRated(RatingsRow.newBuilder().setStandard(standard.getId()).setName(standard.getName()));
                    }
                    continue;
                }
                if (!standard.getRatedSeparately()) {
                    table.addRows(RatingsRow.newBuilder().setStandard(standard.getId()).setName(standard.getName()).setRating(rating.getRating()));
                }
                StandardSection section = section(standard, rating, prompts);
                report.addStandards(section.toBuilder().setDomainNumber(domain.getNumber()).setDomainName(domain.getName()));
                CategoryPlan category = categories.get(standard.getCaseCategory());
                if (section.getCaseBased() && category != null) {
                    for (KeyQuestionRow row : section.getKeyQuestionsList()) {
                        if (row.getApplies() && row.getApplicable() < category.getSize()) {
                            report.addSubSamples(SubSample.newBuilder().setStandard(standard.getId()).setKeyQuestion(row.getKeyQuestion())
                                    .setText(row.getText()).setCases(row.getApplicable()).setSampleSize(category.getSize())
                                    .setMarginOfError(ContextualFacts.subSampleMargin(row.getApplicable(), category.getSettings().getConfidence())));
                        }
                    }
                }
            }
        }
        List<ContextualFacts.Count> counts = population.getCountsList().stream()
                .map(c -> new ContextualFacts.Count(c.getClassification(), c.getCategory(), c.getCount())).toList();
        for (ContextualFacts.Fact fact : ContextualFacts.of(population.getTotal(), counts)) {
            report.addContextualFacts(ContextualFact.newBuilder().setClassification(fact.classification()).setCategory(fact.category())
                    .setCount(fact.count()).setPercentage(fact.percentage()));
        }
        report.setRatingsTable(table);
        for (CategoryPlan category : plan.getCategoriesList()) {
            Optional<CategorySample> drawn = sample.getCategoriesList().stream()
                    .filter(c -> c.getCategory() == category.getSettings().getCategory()).findFirst();
            SampleFacts.Builder facts = SampleFacts.newBuilder()
                    .setCategory(category.getSettings().getCategory())
                    .setPopulation(category.getPopulation())
                    .setSize(category.getSize())
                    .setConfidence(category.getSettings().getConfidence())
                    .setMarginOfError(category.getSettings().getMarginOfError())
                    .setRecentShare(category.getSettings().getRecentShare())
                    .setRecentFromMonths(category.getSettings().getRecentFromMonths())
                    .setRecentToMonths(category.getSettings().getRecentToMonths())
                    .setMarginOfErrorAchieved(category.getMarginOfErrorAchieved())
                    .setSamplingMethod(drawn.map(CategorySample::getMethod).orElse(""))
                    .setSeed(drawn.map(CategorySample::getSeed).orElse(0L))
                    .setLargestShareDifference(drawn.map(ReportAssembly::largestShareDifference).orElse(0.0))
                    .addAllLoosenedBounds(drawn.map(ReportAssembly::loosenedBounds).orElse(List.of()));
            report.addMethodology(facts.setDrawStatement(ReportDocuments.sampleFacts(facts.build()).drawStatement()));
        }
        return report;
    }

    /** How far, in cases, the classification count furthest from its proportional share lies from it. */
    private static double largestShareDifference(CategorySample sample) {
        return sample.getBalanceList().stream().mapToDouble(ReportAssembly::shareDifference).max().orElse(0);
    }

    /** How far, in cases, a classification category's count lies from its proportional share. */
    private static double shareDifference(MarginBalance balance) {
        return Math.abs(balance.getAchieved() - balance.getProportionalTarget());
    }

    /** The bounds case-service's draw recorded as loosened, each with how far its count lies from its share. */
    private static List<LoosenedBound> loosenedBounds(CategorySample sample) {
        return sample.getBalanceList().stream().filter(b -> b.getLoosenedBy() > 0)
                .map(b -> LoosenedBound.newBuilder().setClassification(b.getClassification()).setCategory(b.getCategory())
                        .setLoosenedBy(b.getLoosenedBy()).setShareDifference(shareDifference(b)).build())
                .toList();
    }

    private static StandardSection section(Standard standard, StandardRating rating, Map<String, PromptCount> prompts) {
        StandardSection.Builder section = StandardSection.newBuilder()
                .setStandard(standard.getId())
                .setName(standard.getName())
                .setRating(rating.getRating())
                .setCaseBased(rating.hasCaseBased())
                .setRationale(rating.getRationale());
        if (!rating.hasCaseBased()) {
            standard.getKeyQuestionsList().forEach(q -> section.addQuestions(q.getText()));
        }
        if (rating.hasCaseBased()) {
            Map<String, KeyQuestionResult> results = new HashMap<>();
            rating.getCaseBased().getKeyQuestionsList().forEach(k -> results.put(k.getKeyQuestion(), k));
            for (KeyQuestion question : standard.getKeyQuestionsList()) {
                KeyQuestionResult result = results.getOrDefault(question.getId(), KeyQuestionResult.getDefaultInstance());
                KeyQuestionRow.Builder row = KeyQuestionRow.newBuilder();
                for (Prompt prompt : question.getPromptsList()) {
                    PromptCount count = prompts.getOrDefault(question.getId() + prompt.getLetter(), PromptCount.getDefaultInstance());
                    row.addPrompts(PromptRow.newBuilder().setLetter(prompt.getLetter()).setText(prompt.getText()).setAnswered(count.getAnswered())
                            .setPercentage(count.getAnswered() == 0 ? 0 : Percentages.wholePercentage(count.getYes(), count.getAnswered())));
                }
                section.addKeyQuestions(row
                        .setKeyQuestion(question.getId())
                        .setText(question.getText())
                        .setPercentage(result.getPercentage())
                        .setApplies(result.getApplies())
                        .setApplicable(result.getApplicable())
                        .setLowest(question.getId().equals(rating.getCaseBased().getLowestKeyQuestion())));
            }
            if (rating.getCaseBased().getDiscretionApplied()) {
                section.setDiscretionNote("The rating was moved from '" + label(rating.getCaseBased().getBand()) + "' to '"
                        + label(rating.getRating()) + "' by professional discretion: " + rating.getCaseBased().getDiscretionRationale());
            }
        }
        return section.build();
    }

    /** As the reports write a rating: 'Requires improvement'. */
    public static String label(yardstick.common.v1.Rating rating) {
        return yardstick.reports.domain.Words.sentence(rating.name().substring("RATING_".length()));
    }
}
