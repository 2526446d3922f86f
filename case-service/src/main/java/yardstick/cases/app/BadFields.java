package yardstick.cases.app;

import java.util.List;
import yardstick.cases.domain.FieldProblem;
import yardstick.platform.app.Refused;

/** The rules' field problems as the refusal every service answers: every bad field at once. */
public final class BadFields {

    private BadFields() {
    }

    /** Refuses these problems as a bad request, if there are any. */
    public static void refuse(List<FieldProblem> problems) {
        Refused.BadRequest.refuse(problems.stream().map(p -> new Refused.FieldProblem(p.field(), p.description())).toList());
    }
}
