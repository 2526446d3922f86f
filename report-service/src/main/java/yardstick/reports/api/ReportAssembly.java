package yardstick.reports.api;

import java.util.HashMap;
import java.util.Map;
import yardstick.cases.v1.CategoryPlan;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.SamplePlan;
import yardstick.ratings.v1.CalculateRatingsResponse;
import yardstick.ratings.v1.Domain;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.KeyQuestion;
import yardstick.ratings.v1.KeyQuestionResult;
import yardstick.ratings.v1.RatingSnapshot;
import yardstick.ratings.v1.Standard;
import yardstick.ratings.v1.StandardRating;
import yardstick.reports.v1.KeyQuestionRow;
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
final class ReportAssembly {

    private ReportAssembly() {
    }

    static Report.Builder assemble(Inspection inspection, Framework framework, RatingSnapshot snapshot, SamplePlan plan) {
        CalculateRatingsResponse ratings = snapshot.getRatings();
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
                .setFramework(framework.getName())
                .setRatingsSnapshot(snapshot.getName());
        for (Domain domain : framework.getDomainsList()) {
            for (Standard standard : domain.getStandardsList()) {
                StandardRating rating = byStandard.get(standard.getId());
                if (rating == null) {
                    continue; // a separately rated standard that was not rated (no relevant cases)
                }
                if (!standard.getRatedSeparately()) {
                    table.addRows(RatingsRow.newBuilder().setStandard(standard.getId()).setName(standard.getName()).setRating(rating.getRating()));
                }
                report.addStandards(section(standard, rating).toBuilder()
                        .setDomainNumber(domain.getNumber()).setDomainName(domain.getName()));
            }
        }
        report.setRatingsTable(table);
        for (CategoryPlan category : plan.getCategoriesList()) {
            report.addMethodology(SampleFacts.newBuilder()
                    .setCategory(category.getSettings().getCategory())
                    .setPopulation(category.getPopulation())
                    .setSize(category.getSize())
                    .setConfidence(category.getSettings().getConfidence())
                    .setMarginOfError(category.getSettings().getMarginOfError())
                    .setRecentShare(category.getSettings().getRecentShare())
                    .setRecentFromMonths(category.getSettings().getRecentFromMonths())
                    .setRecentToMonths(category.getSettings().getRecentToMonths())
                    .setMarginOfErrorAchieved(category.getMarginOfErrorAchieved()));
        }
        return report;
    }

    private static StandardSection section(Standard standard, StandardRating rating) {
        StandardSection.Builder section = StandardSection.newBuilder()
                .setStandard(standard.getId())
                .setName(standard.getName())
                .setRating(rating.getRating())
                .setCaseBased(rating.hasCaseBased())
                .setRationale(rating.getRationale());
        if (rating.hasCaseBased()) {
            Map<String, KeyQuestionResult> results = new HashMap<>();
            rating.getCaseBased().getKeyQuestionsList().forEach(k -> results.put(k.getKeyQuestion(), k));
            for (KeyQuestion question : standard.getKeyQuestionsList()) {
                KeyQuestionResult result = results.getOrDefault(question.getId(), KeyQuestionResult.getDefaultInstance());
                section.addKeyQuestions(KeyQuestionRow.newBuilder()
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
    static String label(yardstick.common.v1.Rating rating) {
        String words = rating.name().substring("RATING_".length()).replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
