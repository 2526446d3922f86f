package yardstick.ratings.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every framework version the service knows, in the order they were published. */
public final class FrameworkLibrary {

    private final Map<String, Framework> byName = new LinkedHashMap<>();

    public FrameworkLibrary(List<Framework> frameworks) {
        for (Framework framework : frameworks) {
            if (byName.putIfAbsent(framework.name(), framework) != null) {
                throw new IllegalArgumentException(framework.name() + " is defined twice");
            }
        }
    }

    public List<Framework> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Framework> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
