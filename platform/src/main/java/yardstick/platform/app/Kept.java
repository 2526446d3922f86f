package yardstick.platform.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values that never change once written (a publication, a rendition, a parsed report), kept once
 * read so that the next call does not read them again. At most {@code most} are kept; when that
 * many are, all are forgotten and read again as they are asked for: rare, and never wrong.
 */
public final class Kept<K, V> {

    private final int most;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public Kept(int most) {
        this.most = most;
    }

    /** The value kept for {@code key}, else the one {@code read} finds (kept if found). */
    public Optional<V> get(K key, Function<K, Optional<V>> read) {
        Optional<V> known = known(key);
        if (known.isPresent()) {
            return known;
        }
        Optional<V> found = read.apply(key);
        found.ifPresent(v -> put(key, v));
        return found;
    }

    /** The value kept for {@code key}, if it is. */
    public Optional<V> known(K key) {
        return Optional.ofNullable(values.get(key));
    }

    public void put(K key, V value) {
        if (values.size() >= most) {
            values.clear();
        }
        values.put(key, value);
    }
}
