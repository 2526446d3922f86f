package yardstick.ratings.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A version of the inspection framework: its domains, standards, key questions and prompts.
 * A framework that breaks its own numbering is refused when it is built, so a mistake in a
 * transcription stops the service at start instead of misrating an inspection later.
 */
public final class Framework {

    /** The standards the score counts, each 0-3: the score is out of 36. */
    public static final int CORE_STANDARDS = 12;
    private static final Pattern NAME = Pattern.compile("frameworks/[a-z0-9][a-z0-9-]*");

    private final String name;
    private final String title;
    private final String source;
    private final List<FrameworkDomain> domains;
    private final List<Standard> standards;
    private final Map<String, Standard> standardById = new HashMap<>();
    private final Map<String, Standard> standardByKeyQuestion = new HashMap<>();

    public Framework(String name, String title, String source, List<FrameworkDomain> domains) {
        this.name = name;
        this.title = title;
        this.source = source;
        this.domains = List.copyOf(domains);
        List<String> problems = problems(name, this.domains);
        if (!problems.isEmpty()) {
            throw new InvalidFrameworkException(name, problems);
        }
        this.standards = this.domains.stream().flatMap(d -> d.standards().stream()).toList();
        for (Standard standard : standards) {
            standardById.put(standard.id(), standard);
            standard.keyQuestions().forEach(k -> standardByKeyQuestion.put(k.id(), standard));
        }
    }

    /** Resource name, for example "frameworks/youth-2021". */
    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    /** Where the framework was transcribed from. */
    public String source() {
        return source;
    }

    public List<FrameworkDomain> domains() {
        return domains;
    }

    /** Every standard in published order. */
    public List<Standard> standards() {
        return standards;
    }

    public Optional<Standard> standard(String id) {
        return Optional.ofNullable(standardById.get(id));
    }

    /** The standard a key question belongs to. */
    public Optional<Standard> standardOfKeyQuestion(String keyQuestionId) {
        return Optional.ofNullable(standardByKeyQuestion.get(keyQuestionId));
    }

    public Optional<KeyQuestion> keyQuestion(String id) {
        return standardOfKeyQuestion(id).flatMap(s -> s.keyQuestions().stream().filter(k -> k.id().equals(id)).findFirst());
    }

    @Override
    public String toString() {
        return name;
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
