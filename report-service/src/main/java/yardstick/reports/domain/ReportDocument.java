package yardstick.reports.domain;

import java.util.List;

/** A report as its renditions show it: the one model HTML, Markdown and JSON are made from. */
public record ReportDocument(String serviceInspected, String inspection, String ratingsSnapshot, List<RatingRow> ratings, int score,
                             int maximumScore, String overall, String resettlement, List<Section> sections, List<SampleFacts> methodology) {

    public ReportDocument {
        ratings = List.copyOf(ratings);
        sections = List.copyOf(sections);
        methodology = List.copyOf(methodology);
    }

    /** A row of the ratings table; ratings are in the reports' words ("Requires improvement"). */
    public record RatingRow(String standard, String name, String rating) {
    }

    public record Section(int domainNumber, String domainName, String standard, String name, String rating, boolean caseBased,
                          List<KeyQuestionRow> keyQuestions, String discretionNote, String rationale) {

        public Section {
            keyQuestions = List.copyOf(keyQuestions);
        }
    }

    /** A key question's row: its whole percentage, and whether it is the lowest, which drives the rating. */
    public record KeyQuestionRow(String id, String text, Integer percentage, boolean lowest) {
    }

    public record SampleFacts(String category, int population, int size, int confidencePercent, double marginOfError,
                              int recentSharePercent, int recentFromMonths, int recentToMonths, double marginAchieved) {
    }

    public String title() {
        return "An inspection of youth justice services: " + serviceInspected;
    }
}
