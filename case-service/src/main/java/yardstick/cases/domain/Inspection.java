package yardstick.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An inspection of one youth justice service: its fieldwork window, framework version, lead
 * inspector and stage. {@code version} counts its changes and makes its etag.
 */
public record Inspection(UUID id, String serviceInspected, LocalDate fieldworkStart, LocalDate fieldworkEnd, String framework,
                         String leadInspector, InspectionState state, long version, Instant createTime, Instant updateTime) {

    public static final String NAME_PREFIX = "inspections/";

    public String name() {
        return NAME_PREFIX + id;
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    /** The details a person gives: what must be true of them whatever the stage. */
    public record Details(String serviceInspected, LocalDate fieldworkStart, LocalDate fieldworkEnd, String framework,
                          String leadInspector) {

        /** Every problem, each named by its field under {@code prefix} (for example "inspection."). */
        public List<FieldProblem> problems(String prefix) {
            List<FieldProblem> problems = new ArrayList<>();
            if (serviceInspected == null || serviceInspected.isBlank()) {
                problems.add(new FieldProblem(prefix + "service_inspected", "is required, for example \"Kent Youth Justice Service\""));
            } else if (serviceInspected.length() > 200) {
                problems.add(new FieldProblem(prefix + "service_inspected", "must be at most 200 characters"));
            }
            if (fieldworkStart == null) {
                problems.add(new FieldProblem(prefix + "fieldwork_start", "is required: a valid date"));
            }
            if (fieldworkEnd == null) {
                problems.add(new FieldProblem(prefix + "fieldwork_end", "is required: a valid date"));
            }
            if (fieldworkStart != null && fieldworkEnd != null && fieldworkEnd.isBefore(fieldworkStart)) {
                problems.add(new FieldProblem(prefix + "fieldwork_end", "is before fieldwork_start"));
            }
            if (framework == null || !framework.startsWith("frameworks/")) {
                problems.add(new FieldProblem(prefix + "framework", "is required, for example frameworks/youth-2021"));
            }
            References.problem(leadInspector).ifPresent(p -> problems.add(new FieldProblem(prefix + "lead_inspector", p)));
            return problems;
        }
    }

    public Details details() {
        return new Details(serviceInspected, fieldworkStart, fieldworkEnd, framework, leadInspector);
    }

    public Inspection with(Details details, InspectionState newState, Instant now) {
        return new Inspection(id, details.serviceInspected(), details.fieldworkStart(), details.fieldworkEnd(), details.framework(),
                details.leadInspector(), newState, version + 1, createTime, now);
    }
}
