package yardstick.reports.domain;

import java.util.List;

/** A report as its renditions show it: the one model HTML, Markdown and PDF are made from. */
public record ReportDocument(String serviceInspected, String inspection, String ratingsSnapshot, Status status, List<RatingRow> ratings,
                             int score, int maximumScore, String overall, String resettlement, List<RatingRow> notRated, String executiveSummary,
                             List<Recommendation> recommendations, String background, List<ContextualFacts.Fact> contextualFacts,
                             List<Section> sections, List<SampleFacts> methodology, List<SubSample> subSamples) {

    public ReportDocument {
        ratings = List.copyOf(ratings);
        notRated = List.copyOf(notRated);
        recommendations = List.copyOf(recommendations);
        contextualFacts = List.copyOf(contextualFacts);
        sections = List.copyOf(sections);
        methodology = List.copyOf(methodology);
        subSamples = List.copyOf(subSamples);
    }

    /** Which version this is, whether it is published, and what a correction changed. */
    public record Status(int version, boolean published, String correctionNote) {
    }

    /** What the reports call a standard rated separately that had no relevant cases. */
    public static final String NOT_RATED = "Not rated";

    /**
     * Why a standard was not rated, in the reports' words (Harrow 2021: "Where there are no relevant
     * resettlement cases, we do not apply a rating to resettlement work").
     */
    public static String notRatedBecause(RatingRow standard) {
        return standard.standard() + " " + standard.name() + " was not rated: the sample had no cases for it, and where there are "
                + "no relevant cases we do not apply a rating to this work.";
    }

    /** A row of the ratings table; ratings are in the reports' words ("Requires improvement"). */
    public record RatingRow(String standard, String name, String rating) {
    }

    public record Recommendation(int number, String addressedTo, String text) {
    }

    /** A standard's section; a qualitative one lists the key questions it was judged against. */
    public record Section(int domainNumber, String domainName, String standard, String name, String rating, boolean caseBased,
                          List<KeyQuestionRow> keyQuestions, String discretionNote, String rationale, String narrative,
                          List<String> questions) {

        public Section {
            keyQuestions = List.copyOf(keyQuestions);
            questions = List.copyOf(questions);
        }
    }

    /** A key question's row: its whole percentage, whether it is the lowest (which drives the rating), and its prompts. */
    public record KeyQuestionRow(String id, String text, Integer percentage, boolean lowest, int applicable, List<PromptRow> prompts) {

        public KeyQuestionRow {
            prompts = List.copyOf(prompts);
        }
    }

    /** A prompt of Annexe 2; no percentage when no case answered it. */
    public record PromptRow(String letter, String text, Integer percentage) {
    }

    public record SampleFacts(String category, int population, int size, int confidencePercent, double marginOfError,
                              int recentSharePercent, int recentFromMonths, int recentToMonths, double marginAchieved,
                              String samplingMethod, long seed, double largestShareDifference, List<LoosenedBound> loosened) {

        public SampleFacts {
            loosened = List.copyOf(loosened);
        }

        /** True when case-service drew a balanced probability sample (every case with a known chance above zero). */
        public boolean probabilitySample() {
            return samplingMethod.startsWith(BALANCED_PROBABILITY_SAMPLE);
        }

        /** The inspectorate's rule for the balance: a count lies within one case of its proportional share. */
        public static boolean withinOneCase(double shareDifference) {
            return shareDifference < 1;
        }

        /**
         * Annexe 1's statement of how the sample was drawn, the method named and the seed stated
         * so that anyone can reproduce it; empty when the sample's method is unknown.
         */
        public String drawStatement() {
            if (samplingMethod.isEmpty()) {
                return "";
            }
            String kind = probabilitySample()
                    ? "The " + category.toLowerCase(java.util.Locale.ROOT) + " sample is a balanced probability sample: every "
                    + "eligible case had a known chance of being inspected, greater than zero" + balance() + " "
                    : "The " + category.toLowerCase(java.util.Locale.ROOT) + " sample was drawn by ";
            String method = probabilitySample() ? "Method: " + samplingMethod.substring(BALANCED_PROBABILITY_SAMPLE.length())
                    .replaceFirst("^:\\s*", "") + ". " : samplingMethod + ". ";
            return kind + method + "Seed " + seed + ": the same population, plan and seed reproduce the sample.";
        }

        /** What the sample as drawn achieved, never more than it did, naming the bounds the draw could not keep. */
        private String balance() {
            List<LoosenedBound> missed = loosened.stream().filter(l -> !withinOneCase(l.shareDifference())).toList();
            if (!missed.isEmpty()) {
                List<String> each = new java.util.ArrayList<>();
                for (int i = 0; i < missed.size(); i++) {
                    LoosenedBound bound = missed.get(i);
                    each.add(bound.words() + (i == 0 ? " was " : " ") + cases(bound.shareDifference()) + (i == 0 ? " from its share" : ""));
                }
                String listed = each.size() == 1 ? each.get(0)
                        : String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.get(each.size() - 1);
                return ". The draw could not keep every classification within one case of its proportional share: " + listed + ".";
            }
            if (withinOneCase(largestShareDifference)) {
                return ", and each classification's count lies within one case of its proportional share.";
            }
            return String.format(java.util.Locale.UK, ", and each classification's count lies within %d cases of its proportional share "
                    + "(the largest difference is %.1f cases).", (int) Math.ceil(largestShareDifference), largestShareDifference);
        }

        /** "2 cases" for a whole number, "1.5 cases" otherwise. */
        private static String cases(double difference) {
            double rounded = Math.round(difference * 10) / 10.0;
            return (rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.format(java.util.Locale.UK, "%.1f", rounded))
                    + " cases";
        }
    }

    /**
     * A bound of the balance the draw had to loosen: a classification's category, how many cases
     * beyond the floor or ceiling of its share the draw allowed, and how far its count lies from its share.
     */
    public record LoosenedBound(String classification, String category, int loosenedBy, double shareDifference) {

        /** The category in the inspectorate's words: "female gender", "licence disposals", "cases in the recency window". */
        public String words() {
            String category = Words.sentence(this.category).toLowerCase(java.util.Locale.ROOT);
            return switch (classification) {
                case "GENDER" -> category + " gender";
                case "DISPOSAL_TYPE" -> category + " disposals";
                case "RISK_OF_SERIOUS_HARM" -> category + " risk of serious harm";
                case "SAFETY_AND_WELLBEING" -> category + " risk to safety and wellbeing";
                case "RECENCY" -> this.category.equals("RECENT") ? "cases in the recency window" : "cases outside the recency window";
                default -> category + " " + Words.sentence(classification).toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    /** How case-service names a balanced probability sample's method. */
    public static final String BALANCED_PROBABILITY_SAMPLE = "balanced probability sample";

    public record SubSample(String standard, String keyQuestion, String text, int cases, int sampleSize, double marginOfError) {
    }

    public String title() {
        return "An inspection of youth justice services: " + serviceInspected;
    }

    /** The standards where the ratings panel used professional discretion. */
    public List<Section> discretionApplied() {
        return sections.stream().filter(s -> !s.discretionNote().isEmpty()).toList();
    }

    /** The report's prose split into paragraphs at blank lines. */
    public static List<String> paragraphs(String text) {
        return java.util.Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** How a contextual fact's classification is named in the report. */
    public static String classificationName(String classification) {
        return switch (classification) {
            case "AGE" -> "age";
            case "GENDER" -> "gender";
            case "ETHNICITY" -> "ethnicity";
            case "DISPOSAL_TYPE" -> "disposal type";
            default -> classification.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
