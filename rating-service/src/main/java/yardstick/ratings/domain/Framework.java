package yardstick.ratings.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A version of the inspection framework: its domains, standards, key questions and prompts.
 * A framework that breaks its own numbering is refused when it is built, so a mistake in a
 * transcription stops the service at start instead of misrating an inspection later.
 */
public record Framework(String name, String title, String source, List<FrameworkDomain> domains) {

    /** The standards the score counts, each 0-3: the score is out of 36. */
    public static final int CORE_STANDARDS = 12;
    private static final Pattern NAME = Pattern.compile("frameworks/[a-z0-9][a-z0-9-]*");

    public Framework {
        domains = List.copyOf(domains);
        List<String> problems = problems(name, domains);
        if (!problems.isEmpty()) {
            throw new InvalidFrameworkException(name, problems);
        }
    }

    public List<Standard> standards() {
        return domains.stream().flatMap(d -> d.standards().stream()).toList();
    }

    public Optional<Standard> standard(String id) {
        return standards().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<KeyQuestion> keyQuestion(String id) {
        return standards().stream()
                .flatMap(s -> s.keyQuestions().stream())
                .filter(k -> k.id().equals(id))
                .findFirst();
    }

    private static List<String> problems(String name, List<FrameworkDomain> domains) {
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name must look like frameworks/youth-2021, not " + name);
        }
        if (domains.isEmpty()) {
            problems.add("a framework has at least one domain");
        }
        long core = domains.stream().flatMap(d -> d.standards().stream()).filter(s -> !s.ratedSeparately()).count();
        if (core != CORE_STANDARDS) {
            problems.add("a framework has " + CORE_STANDARDS + " core standards, scored 0-36; this one has " + core);
        }
        Set<String> standardIds = new HashSet<>();
        for (int d = 0; d < domains.size(); d++) {
            FrameworkDomain domain = domains.get(d);
            if (domain.number() != d + 1) {
                problems.add("domain " + domain.number() + " is in position " + (d + 1));
            }
            for (Standard standard : domain.standards()) {
                if (!standardIds.add(standard.id())) {
                    problems.add("standard " + standard.id() + " appears twice");
                }
                if (!standard.id().startsWith(domain.number() + ".")) {
                    problems.add("standard " + standard.id() + " is not numbered in domain " + domain.number());
                }
                problems.addAll(standard.problems());
            }
        }
        return problems;
    }
}
