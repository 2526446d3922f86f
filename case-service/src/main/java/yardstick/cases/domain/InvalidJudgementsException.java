package yardstick.cases.domain;

import java.util.List;

/** Judgements that cannot be submitted; each problem names its field. */
public class InvalidJudgementsException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidJudgementsException(List<FieldProblem> problems) {
        super(problems.size() + " problem(s) with the judgements");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
