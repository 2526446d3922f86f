package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Writes each of which makes one named resource (a snapshot, an action): afterwards the service
 * holds those it held before the stream started and one for each write acknowledged, no more.
 */
abstract class ResourceWrites extends WriteStream {

    private final Set<String> made = ConcurrentHashMap.newKeySet();
    private Set<String> before;

    ResourceWrites(Supplier<ManagedChannel> channel) {
        super(channel);
    }

    /** The names of the resources of this kind the service holds now. */
    abstract Set<String> stored();

    /** Notes a resource whose making was acknowledged. */
    void made(String name) {
        made.add(name);
    }

    @Override
    void start(int callerCount) {
        before = stored();
        super.start(callerCount);
    }

    void check(String what) {
        assertEquals(List.of(), wrongAnswers(), "callers got only OK or UNAVAILABLE");
        Set<String> expected = new TreeSet<>(before);
        expected.addAll(made);
        assertEquals(expected, new TreeSet<>(stored()), "one " + what + " for each call acknowledged, and no other");
    }
}
