package yardstick.platform.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounds every request is held to, in every service: how long a string, how many repeated
 * values, how large a count, and which page sizes. A check collects every bad field, named by its
 * dotted path, and {@link #refuse} refuses them at once as a bad request. Plain Java, so that
 * endpoints and use cases check alike; {@code yardstick.platform.grpc.RequestBounds} holds every
 * incoming message to the string and repetition bounds before it reaches an endpoint.
 */
public final class Bounds {

    /** A resource name, request id, etag or page token: a reference, never prose. */
    public static final int NAME_LENGTH = 1_000;
    /** Authored prose (a narrative, a rationale, an executive summary): a long chapter, not a book. */
    public static final int TEXT_LENGTH = 100_000;
    /** Values of one repeated field in one message (a batch of imported cases, a report's recommendations). */
    public static final int REPEATED = 10_000;

    private final List<Refused.FieldProblem> problems = new ArrayList<>();

    private Bounds() {
    }

    /** A new check, with no problem found yet. */
    public static Bounds check() {
        return new Bounds();
    }

    /** A string of at most {@code most} characters, without the NUL character no database stores. */
    public Bounds text(String field, String value, int most) {
        if (value.length() > most) {
            problem(field, "is " + value.length() + " characters long; at most " + most + " are taken");
        } else if (value.indexOf('\0') >= 0) {
            problem(field, "holds the NUL character (U+0000), which no text may hold");
        }
        return this;
    }

    /** A count from {@code least} to {@code most}. */
    public Bounds count(String field, long value, long least, long most) {
        if (value < least || value > most) {
            problem(field, "is " + value + "; it must be from " + least + " to " + most);
        }
        return this;
    }

    /** At most {@code most} values of a repeated field. */
    public Bounds repeated(String field, int size, int most) {
        if (size > most) {
            problem(field, "has " + size + " values; at most " + most + " are taken");
        }
        return this;
    }

    public Bounds problem(String field, String description) {
        problems.add(new Refused.FieldProblem(field, description));
        return this;
    }

    public List<Refused.FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Refuses every problem found, if there is one. */
    public void refuse() {
        Refused.BadRequest.refuse(problems);
    }

    /**
     * The page size a List method serves for {@code asked} (AIP-158): 0 is the default, more than
     * the most is reduced to it, and a negative one is refused naming page_size.
     */
    public static int pageSize(int asked, int defaultSize, int most) {
        if (asked < 0) {
            throw new Refused.BadRequest("page_size", "must not be negative; 0 asks for the default of " + defaultSize);
        }
        return asked == 0 ? defaultSize : Math.min(asked, most);
    }
}
