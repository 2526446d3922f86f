package yardstick.ratings.domain;

import java.util.List;

/** The inputs cannot be rated; every problem found is listed, not only the first. */
public class RatingInputException extends RuntimeException {

    private final List<InputProblem> problems;

    public RatingInputException(List<InputProblem> problems) {
        super(problems.size() + " problem(s) with the rating inputs: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
