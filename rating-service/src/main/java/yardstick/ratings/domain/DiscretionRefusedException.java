package yardstick.ratings.domain;

/** A discretion decision that no ground of Annexe 1 allows. */
public class DiscretionRefusedException extends RuntimeException {

    private final String standard;

    public DiscretionRefusedException(String standard, String reason) {
        super(reason);
        this.standard = standard;
    }

    public String standard() {
        return standard;
    }
}
