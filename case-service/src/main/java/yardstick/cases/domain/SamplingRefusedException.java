package yardstick.cases.domain;

/** A sampling step that the inspection's state does not allow now; the message says why and what to do. */
public class SamplingRefusedException extends RuntimeException {

    private final String type;

    public SamplingRefusedException(String type, String message) {
        super(message);
        this.type = type;
    }

    /** A short upper-case name of the rule, e.g. SAMPLE_DRAWN. */
    public String type() {
        return type;
    }
}
