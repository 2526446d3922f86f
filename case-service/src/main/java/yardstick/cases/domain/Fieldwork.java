package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An inspection's fieldwork as a whole, from where each active sampled case stands: each
 * inspector's workload, and what still stands between the inspection and its rating.
 */
public final class Fieldwork {

    private Fieldwork() {
    }

    /** One inspector's active sampled cases, by where they stand. */
    public record Workload(String inspector, int assigned, int notStarted, int inDraft, int submitted, int returned) {
    }

    /** Each inspector with cases assigned, in order of their subjects. */
    public static List<Workload> workloads(List<CaseProgress> cases) {
        Map<String, int[]> counts = new TreeMap<>();
        for (CaseProgress c : cases) {
            if (c.inspector() == null) {
                continue;
            }
            int[] count = counts.computeIfAbsent(c.inspector(), i -> new int[5]);
            count[0]++;
            if (!c.started()) {
                count[1]++;
            } else if (!c.submitted()) {
                count[2]++;
            } else {
                count[3]++;
            }
            if (c.returned()) {
                count[4]++;
            }
        }
        List<Workload> workloads = new ArrayList<>();
        counts.forEach((inspector, c) -> workloads.add(new Workload(inspector, c[0], c[1], c[2], c[3], c[4])));
        return workloads;
    }

    public static int unassigned(List<CaseProgress> cases) {
        return (int) cases.stream().filter(c -> c.inspector() == null).count();
    }

    /** One thing left to do before rating: its type, and what. */
    public record Unfinished(String type, String description) {
    }

    /**
     * What keeps the inspection from rating: every active sampled case submitted, the moderation
     * sample drawn, and every case in it confirmed by its second reader. Empty when it may move.
     */
    public static List<Unfinished> unfinishedBeforeRating(List<CaseProgress> cases, boolean moderationDrawn) {
        List<Unfinished> unfinished = new ArrayList<>();
        List<String> notSubmitted = cases.stream().filter(c -> !c.submitted()).map(CaseProgress::reference).toList();
        if (!notSubmitted.isEmpty()) {
            unfinished.add(new Unfinished("NOT_SUBMITTED", notSubmitted.size() + " active sampled cases are not submitted: "
                    + listed(notSubmitted)));
        }
        if (!moderationDrawn) {
            unfinished.add(new Unfinished("MODERATION_NOT_DRAWN",
                    "the moderation sample's random share is not drawn (DrawModerationSample)"));
        }
        List<String> notModerated = cases.stream().filter(c -> c.selectedForModeration() && c.confirmedBy() == null)
                .map(CaseProgress::reference).toList();
        if (!notModerated.isEmpty()) {
            unfinished.add(new Unfinished("NOT_MODERATED", notModerated.size()
                    + " cases of the moderation sample are not confirmed by a second reader: " + listed(notModerated)));
        }
        return unfinished;
    }

    private static String listed(List<String> references) {
        return references.size() <= 10 ? String.join(", ", references)
                : String.join(", ", references.subList(0, 10)) + " and " + (references.size() - 10) + " more";
    }
}
