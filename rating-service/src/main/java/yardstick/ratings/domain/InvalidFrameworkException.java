package yardstick.ratings.domain;

import java.util.List;

/** A framework whose data contradicts itself; the message lists every problem found. */
public class InvalidFrameworkException extends RuntimeException {

    private final List<String> problems;

    public InvalidFrameworkException(String framework, List<String> problems) {
        super(framework + " is not a valid framework: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
