package yardstick.reports.app;

import java.util.ArrayList;
import java.util.List;
import yardstick.common.v1.Rating;
import yardstick.reports.domain.ContextualFacts;
import yardstick.reports.domain.ReportDocument;
import yardstick.reports.v1.KeyQuestionRow;
import yardstick.reports.v1.Report;
import yardstick.reports.v1.SampleFacts;
import yardstick.reports.v1.StandardSection;

/** The renditions' model of a stored report. */
final class ReportDocuments {

    private ReportDocuments() {
    }

    static ReportDocument of(Report report) {
        List<ReportDocument.RatingRow> ratings = report.getRatingsTable().getRowsList().stream()
                .map(r -> new ReportDocument.RatingRow(r.getStandard(), r.getName(), ReportAssembly.label(r.getRating()))).toList();
        List<ReportDocument.Section> sections = new ArrayList<>();
        for (StandardSection section : report.getStandardsList()) {
            List<ReportDocument.KeyQuestionRow> rows = new ArrayList<>();
            for (KeyQuestionRow row : section.getKeyQuestionsList()) {
                List<ReportDocument.PromptRow> prompts = row.getPromptsList().stream().map(p -> new ReportDocument.PromptRow(p.getLetter(),
                        p.getText(), p.getAnswered() > 0 ? p.getPercentage() : null)).toList();
                rows.add(new ReportDocument.KeyQuestionRow(row.getKeyQuestion(), row.getText(), row.getApplies() ? row.getPercentage() : null,
                        row.getLowest(), row.getApplicable(), prompts));
            }
            sections.add(new ReportDocument.Section(section.getDomainNumber(), section.getDomainName(), section.getStandard(),
                    section.getName(), ReportAssembly.label(section.getRating()), section.getCaseBased(), rows, section.getDiscretionNote(),
                    section.getRationale(), section.getNarrative(), section.getQuestionsList()));
        }
        List<ReportDocument.SampleFacts> methodology = new ArrayList<>();
        for (SampleFacts facts : report.getMethodologyList()) {
            methodology.add(sampleFacts(facts));
        }
        Rating resettlement = report.getRatingsTable().getResettlementRated() ? report.getRatingsTable().getResettlement() : null;
        return new ReportDocument(report.getServiceInspected(), report.getInspection(), report.getRatingsSnapshot(),
                new ReportDocument.Status(report.getVersion(), report.getPublished(), report.getCorrectionNote()), ratings,
                report.getRatingsTable().getScore(), report.getRatingsTable().getMaximumScore(),
                ReportAssembly.label(report.getRatingsTable().getOverall()), resettlement == null ? "" : ReportAssembly.label(resettlement),
                report.getRatingsTable().getNotRatedList().stream().map(r -> new ReportDocument.RatingRow(r.getStandard(), r.getName(),
                        ReportDocument.NOT_RATED)).toList(),
                report.getExecutiveSummary(),
                report.getRecommendationsList().stream().map(r -> new ReportDocument.Recommendation(r.getNumber(), r.getAddressedTo(),
                        r.getText())).toList(),
                report.getBackground(),
                report.getContextualFactsList().stream().map(f -> new ContextualFacts.Fact(f.getClassification(), f.getCategory(),
                        f.getCount(), f.getPercentage())).toList(),
                sections, methodology,
                report.getSubSamplesList().stream().map(s -> new ReportDocument.SubSample(s.getStandard(), s.getKeyQuestion(), s.getText(),
                        s.getCases(), s.getSampleSize(), s.getMarginOfError())).toList());
    }

    /** A category's sampling facts for Annexe 1, as the renditions print them. */
    static ReportDocument.SampleFacts sampleFacts(SampleFacts facts) {
        return new ReportDocument.SampleFacts(category(facts), facts.getPopulation(), facts.getSize(),
                (int) Math.round(facts.getConfidence() * 100), facts.getMarginOfError(), (int) Math.round(facts.getRecentShare() * 100),
                facts.getRecentFromMonths(), facts.getRecentToMonths(), facts.getMarginOfErrorAchieved(), facts.getSamplingMethod(),
                facts.getSeed(), facts.getLargestShareDifference(), facts.getLoosenedBoundsList().stream()
                .map(l -> new ReportDocument.LoosenedBound(l.getClassification(), l.getCategory(), l.getLoosenedBy(), l.getShareDifference()))
                .toList());
    }

    private static String category(SampleFacts facts) {
        return switch (facts.getCategory()) {
            case CASE_CATEGORY_COURT -> "Court disposals";
            case CASE_CATEGORY_OUT_OF_COURT -> "Out-of-court disposals";
            case CASE_CATEGORY_RESETTLEMENT -> "Resettlement";
            default -> "Other";
        };
    }
}
