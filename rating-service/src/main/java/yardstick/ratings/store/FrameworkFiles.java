package yardstick.ratings.store;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import yardstick.ratings.domain.Applicability;
import yardstick.ratings.domain.CaseCategory;
import yardstick.ratings.domain.DisposalType;
import yardstick.ratings.domain.Framework;
import yardstick.ratings.domain.FrameworkDomain;
import yardstick.ratings.domain.FrameworkLibrary;
import yardstick.ratings.domain.KeyQuestion;
import yardstick.ratings.domain.KeyQuestionArea;
import yardstick.ratings.domain.Prompt;
import yardstick.ratings.domain.RiskLevel;
import yardstick.ratings.domain.Standard;
import yardstick.ratings.domain.StandardBasis;

/**
 * Reads the framework versions from the data files under {@code frameworks/} on the classpath
 * ({@code frameworks/index.yaml} lists them), once, when the service starts.
 */
@Factory
public class FrameworkFiles {

    private static final String DIRECTORY = "frameworks/";

    @Context
    FrameworkLibrary frameworkLibrary() {
        return load();
    }

    /** Loads and validates every framework listed in the index. */
    public static FrameworkLibrary load() {
        List<String> files = read(DIRECTORY + "index.yaml");
        List<Framework> frameworks = new ArrayList<>();
        for (String file : files) {
            Map<String, Object> document = read(DIRECTORY + file);
            try {
                frameworks.add(framework(document));
            } catch (RuntimeException e) {
                throw new IllegalStateException(DIRECTORY + file + ": " + e.getMessage(), e);
            }
        }
        return new FrameworkLibrary(frameworks);
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(String resource) {
        try (InputStream in = FrameworkFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing framework resource " + resource);
            }
            return (T) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Framework framework(Map<String, Object> yaml) {
        List<FrameworkDomain> domains = list(yaml, "domains").stream().map(FrameworkFiles::domain).toList();
        return new Framework(text(yaml, "name"), text(yaml, "title"), text(yaml, "source"), domains);
    }

    private static FrameworkDomain domain(Map<String, Object> yaml) {
        return new FrameworkDomain(
                ((Number) required(yaml, "number")).intValue(),
                text(yaml, "name"),
                list(yaml, "standards").stream().map(FrameworkFiles::standard).toList());
    }

    private static Standard standard(Map<String, Object> yaml) {
        String category = text(yaml, "case_category");
        return new Standard(
                text(yaml, "id"),
                text(yaml, "name"),
                constant(StandardBasis.class, text(yaml, "judged")),
                "none".equals(category) ? Optional.empty() : Optional.of(constant(CaseCategory.class, category)),
                Boolean.TRUE.equals(yaml.get("rated_separately")),
                optionalText(yaml, "statement"),
                list(yaml, "key_questions").stream().map(FrameworkFiles::keyQuestion).toList());
    }

    private static KeyQuestion keyQuestion(Map<String, Object> yaml) {
        Object area = yaml.get("area");
        return new KeyQuestion(
                text(yaml, "id"),
                text(yaml, "text"),
                Optional.ofNullable(area).map(a -> constant(KeyQuestionArea.class, a.toString())),
                Optional.ofNullable(map(yaml, "applies_to")).map(FrameworkFiles::applicability),
                list(yaml, "prompts").stream().map(p -> new Prompt(text(p, "letter"), text(p, "text"))).toList());
    }

    private static Applicability applicability(Map<String, Object> yaml) {
        return new Applicability(
                constants(DisposalType.class, yaml.get("disposal_types")),
                constants(RiskLevel.class, yaml.get("excludes_risk_of_serious_harm")),
                optionalText(yaml, "note"));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a " + type.getSimpleName());
        }
    }

    private static <E extends Enum<E>> Set<E> constants(Class<E> type, Object values) {
        if (values == null) {
            return Set.of();
        }
        return ((List<?>) values).stream().map(v -> constant(type, v.toString())).collect(Collectors.toSet());
    }

    private static Object required(Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing in " + yaml.getOrDefault("id", yaml.keySet()));
        }
        return value;
    }

    private static String text(Map<String, Object> yaml, String key) {
        return required(yaml, key).toString();
    }

    private static String optionalText(Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> yaml, String key) {
        return (Map<String, Object>) yaml.get(key);
    }
}
