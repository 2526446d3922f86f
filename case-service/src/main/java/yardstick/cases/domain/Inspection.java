package yardstick.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An inspection of one youth justice service (the register's {@code inspectedServices/{code}}): its fieldwork window, framework version, lead
 * inspector, team and stage. {@code version} counts its changes and makes its etag. The lead
 * inspector and the team are the subjects of their tokens, identifiers, never names.
 */
public record Inspection(UUID id, String inspectedService, LocalDate fieldworkStart, LocalDate fieldworkEnd, String framework,
                         String leadInspector, List<String> team, InspectionState state, long version, Instant createTime,
                         Instant updateTime) {

    public static final int MAXIMUM_TEAM = 50;

    public Inspection {
        team = List.copyOf(team);
    }

    public static final String NAME_PREFIX = "inspections/";

    public String name() {
        return NAME_PREFIX + id;
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    /** The lead inspector and the team: who may see the inspection's case data, and who may judge its cases. */
    public boolean onTeam(String subject) {
        return leadInspector.equals(subject) || team.contains(subject);
    }

    /** The details a person gives: what must be true of them whatever the stage. */
    public record Details(String inspectedService, LocalDate fieldworkStart, LocalDate fieldworkEnd, String framework,
                          List<String> team) {

        public Details {
            team = List.copyOf(team);
        }

        /** Every problem, each named by its field under {@code prefix} (for example "inspection."). */
        public List<FieldProblem> problems(String prefix) {
            List<FieldProblem> problems = new ArrayList<>();
            if (InspectedService.codeOf(inspectedService).isEmpty()) {
                problems.add(new FieldProblem(prefix + "inspected_service", "is required: a service of the register, "
                        + "for example inspectedServices/kent"));
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
            if (team.size() > MAXIMUM_TEAM) {
                problems.add(new FieldProblem(prefix + "team", "must have at most " + MAXIMUM_TEAM + " members"));
            }
            for (int i = 0; i < team.size(); i++) {
                String member = team.get(i);
                String field = prefix + "team[" + i + "]";
                References.problem(member).ifPresent(p -> problems.add(new FieldProblem(field, p)));
                if (team.indexOf(member) < i) {
                    problems.add(new FieldProblem(field, "names " + member + " twice"));
                }
            }
            return problems;
        }
    }

    public Details details() {
        return new Details(inspectedService, fieldworkStart, fieldworkEnd, framework, team);
    }

    public Inspection with(Details details, InspectionState newState, Instant now) {
        return new Inspection(id, details.inspectedService(), details.fieldworkStart(), details.fieldworkEnd(), details.framework(),
                leadInspector, details.team(), newState, version + 1, createTime, now);
    }
}
