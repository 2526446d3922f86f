package yardstick.reports.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the service writes of an action: its reference ("1.1", or empty where the plan printed
 * none), its text, the recommendations it answers, the responsible officer's role (a role, never
 * a person's name), an optional display name beside the role, and its start and due dates.
 */
public record ActionContent(String reference, String text, List<Integer> recommendations, String ownerRole, String ownerDisplayName,
                            Optional<PlanDate> start, Optional<PlanDate> due) {

    static final int MAX_TEXT = 4000;
    static final int MAX_ROLE = 200;

    public ActionContent {
        recommendations = List.copyOf(recommendations);
    }

    public ActionContent withoutDisplayName() {
        return new ActionContent(reference, text, recommendations, ownerRole, "", start, due);
    }

    /** What is wrong with it for a plan answering {@code known} recommendations; empty if nothing. */
    public List<Problem> problems(Set<Integer> known) {
        List<Problem> problems = new ArrayList<>();
        if (reference.length() > 20) {
            problems.add(new Problem("reference", "is at most 20 characters, for example 1.1"));
        }
        if (text.isBlank()) {
            problems.add(new Problem("text", "is required: what will be done"));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new Problem("text", "is at most " + MAX_TEXT + " characters"));
        }
        if (recommendations.isEmpty()) {
            problems.add(new Problem("recommendations", "is required: the numbers of the recommendations the action answers"));
        }
        for (int i = 0; i < recommendations.size(); i++) {
            if (!known.contains(recommendations.get(i))) {
                problems.add(new Problem("recommendations[" + i + "]", "the report makes no recommendation " + recommendations.get(i)
                        + "; it makes " + (known.isEmpty() ? "none" : new java.util.TreeSet<>(known))));
            } else if (recommendations.subList(0, i).contains(recommendations.get(i))) {
                problems.add(new Problem("recommendations[" + i + "]", "names recommendation " + recommendations.get(i) + " twice"));
            }
        }
        if (ownerRole.isBlank()) {
            problems.add(new Problem("owner_role", "is required: the responsible officer's role, for example \"YJ Service Manager\""));
        } else if (ownerRole.length() > MAX_ROLE) {
            problems.add(new Problem("owner_role", "is at most " + MAX_ROLE + " characters"));
        }
        if (ownerDisplayName.length() > MAX_ROLE) {
            problems.add(new Problem("owner_display_name", "is at most " + MAX_ROLE + " characters"));
        }
        if (start.isPresent() && due.isPresent() && due.get().lastDay().isBefore(start.get().firstDay())) {
            problems.add(new Problem("due_date", "is before the start date " + start.get().label()));
        }
        return problems;
    }
}
