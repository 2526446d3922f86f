package yardstick.reports.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for the authors' words in a report and for its versions. Authors write prose; every
 * figure comes from the snapshot. A published version never changes: an update to it is a
 * correction and must say what it changes.
 */
public final class Authoring {

    /** Longest text accepted in one field: the longest section of a published report is well under this. */
    public static final int MAX_TEXT = 20_000;

    private Authoring() {
    }

    /** A field of the request that is wrong, and what to do about it. */
    public record FieldProblem(String field, String description) {
    }

    /** A broken rule: its type ("ETAG", "PUBLISHED") and what is wrong. */
    public record Refusal(String type, String description) {
    }

    public record Recommendation(int number, String addressedTo, String text) {
    }

    public record Narrative(String standard, String text) {
    }

    /** Problems with the authored parts of an update; {@code standards} are the report's standard numbers. */
    public static List<FieldProblem> problems(String executiveSummary, String background, List<Recommendation> recommendations,
                                              List<Narrative> narratives, Set<String> standards, String updatedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (updatedBy.isBlank()) {
            problems.add(new FieldProblem("updated_by", "is required: the pseudonymous reference of who is writing, e.g. HMI-0001"));
        }
        tooLong("executive_summary", executiveSummary, problems);
        tooLong("background", background, problems);
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation recommendation = recommendations.get(i);
            String field = "recommendations[" + i + "]";
            if (recommendation.number() != i + 1) {
                problems.add(new FieldProblem(field + ".number", "must be " + (i + 1) + ": recommendations are numbered 1, 2, 3... in order"));
            }
            if (recommendation.addressedTo().isBlank()) {
                problems.add(new FieldProblem(field + ".addressed_to", "is required: the service or its board, e.g. \"the management board\""));
            }
            if (recommendation.text().isBlank()) {
                problems.add(new FieldProblem(field + ".text", "is required"));
            }
            tooLong(field + ".text", recommendation.text(), problems);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < narratives.size(); i++) {
            Narrative narrative = narratives.get(i);
            String field = "narratives[" + i + "]";
            if (!standards.contains(narrative.standard())) {
                problems.add(new FieldProblem(field + ".standard", "'" + narrative.standard() + "' is not a standard of this report "
                        + "(its standards are " + standards.stream().sorted().toList() + ")"));
            } else if (!seen.add(narrative.standard())) {
                problems.add(new FieldProblem(field + ".standard", narrative.standard() + " is given twice"));
            }
            tooLong(field + ".narrative", narrative.text(), problems);
        }
        return problems;
    }

    /**
     * Whether an update may become the next version: the etag must be the latest version's; an
     * update to a published version must be a correction that says what it changes; a report never
     * published has nothing to correct. The etag is checked first: a stale reader learns that before anything else.
     */
    public static Optional<Refusal> refusal(int latestVersion, boolean latestPublished, boolean everPublished, String etag,
                                            String correctionNote) {
        Optional<Refusal> stale = staleEtag(latestVersion, etag, "read it again and reapply the change");
        if (stale.isPresent()) {
            return stale;
        }
        if (latestPublished && correctionNote.isBlank()) {
            return Optional.of(new Refusal("PUBLISHED", "version " + latestVersion + " is published and never changes; to correct it, "
                    + "send correction_note saying what the correction changes"));
        }
        if (!everPublished && !correctionNote.isBlank()) {
            return Optional.of(new Refusal("NOT_PUBLISHED", "the report has never been published, so there is nothing to correct: "
                    + "leave correction_note empty"));
        }
        return Optional.empty();
    }

    /** Whether {@code etag} is stale: the report's latest version is another; {@code then} says what to do. */
    public static Optional<Refusal> staleEtag(int latestVersion, String etag, String then) {
        if (!etag(latestVersion).equals(etag)) {
            return Optional.of(new Refusal("ETAG", "the report changed since it was read (its etag is now " + etag(latestVersion) + "); "
                    + then));
        }
        return Optional.empty();
    }

    /**
     * The correction note of the next version: the one given, or, while a correction is being
     * written (the latest version is an unpublished correction), the note it already has.
     */
    public static String nextCorrectionNote(boolean latestPublished, String latestNote, String given) {
        return given.isBlank() && !latestPublished ? latestNote : given;
    }

    /**
     * Whether a correction's embargo keeps it hidden at least as long as the publication it
     * corrects, while that is still under embargo at {@code now}.
     */
    public static Optional<Refusal> embargoRefusal(Optional<java.time.Instant> correctedEmbargo, Optional<java.time.Instant> embargo,
                                                   java.time.Instant now) {
        if (correctedEmbargo.filter(now::isBefore).isPresent() && (embargo.isEmpty() || embargo.get().isBefore(correctedEmbargo.get()))) {
            return Optional.of(new Refusal("EMBARGO", "the publication this corrects is under embargo until " + correctedEmbargo.get()
                    + "; the correction must be under embargo at least as long"));
        }
        return Optional.empty();
    }

    /** Four eyes: the author of a version does not publish it. */
    public static Optional<Refusal> fourEyes(int version, String author, String publisher) {
        if (author.equals(publisher)) {
            return Optional.of(new Refusal("FOUR_EYES", "version " + version + " was written by " + author
                    + ", who may not also publish it: another publisher reviews and publishes it"));
        }
        return Optional.empty();
    }

    /** The ratings published are the inspection's latest: {@code latest} is the newest snapshot, if the inspection has one. */
    public static Optional<Refusal> staleRatings(String reportSnapshot, Optional<String> latest) {
        if (latest.isEmpty()) {
            return Optional.of(new Refusal("STALE_RATINGS", "the report's figures come from " + reportSnapshot
                    + ", but rating-service holds no ratings snapshot of the inspection"));
        }
        if (!latest.get().equals(reportSnapshot)) {
            return Optional.of(new Refusal("STALE_RATINGS", "the report's figures come from " + reportSnapshot
                    + ", but the inspection's latest ratings are " + latest.get() + ": the published figures must be the latest"));
        }
        return Optional.empty();
    }

    /** What a report needs before it is published. */
    public static List<Refusal> unpublishable(String executiveSummary, List<Recommendation> recommendations) {
        List<Refusal> missing = new ArrayList<>();
        if (executiveSummary.isBlank()) {
            missing.add(new Refusal("EXECUTIVE_SUMMARY", "the executive summary is not written yet"));
        }
        if (recommendations.isEmpty()) {
            missing.add(new Refusal("RECOMMENDATIONS", "the report has no recommendations yet"));
        }
        return missing;
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    private static void tooLong(String field, String text, List<FieldProblem> problems) {
        if (text.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "is " + text.length() + " characters; at most " + MAX_TEXT + " are kept"));
        }
    }
}
