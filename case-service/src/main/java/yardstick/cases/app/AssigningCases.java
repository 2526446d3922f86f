package yardstick.cases.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import yardstick.cases.domain.CaseEvent;
import yardstick.cases.domain.CaseProgress;
import yardstick.cases.domain.CaseWork;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.SampledCase;
import yardstick.cases.store.FieldworkStore;
import yardstick.cases.store.SampleStore;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;

/**
 * Sampled cases assigned by the lead inspector to an inspector on the team (the lead included),
 * once the sample is drawn and until fieldwork ends. A case assigned to someone else is
 * reassigned; each assignment goes in the case's history, by whom and when. A submitted case
 * stays with the inspector who submitted it.
 */
@Singleton
public class AssigningCases {

    /** The cases {@code references} to assign to {@code inspector}. */
    public record AssignCases(InspectionName inspection, String inspector, List<String> references) {
    }

    private final InspectionAccess access;
    private final FieldworkStore fieldwork;
    private final SampleStore samples;
    private final Clock clock;

    AssigningCases(InspectionAccess access, FieldworkStore fieldwork, SampleStore samples, Clock clock) {
        this.access = access;
        this.fieldwork = fieldwork;
        this.samples = samples;
        this.clock = clock;
    }

    /** The cases as now assigned, in the sample's order. */
    @Transactional
    public List<SampledCase> assign(Caller caller, AssignCases command) {
        Inspection inspection = access.forLead(caller, command.inspection(), CaseWork.ASSIGN_CASES);
        Map<String, CaseProgress> active = fieldwork.progress(inspection.id()).stream()
                .collect(Collectors.toMap(CaseProgress::reference, Function.identity()));
        List<Refused.FieldProblem> problems = new ArrayList<>();
        if (!inspection.onTeam(command.inspector())) {
            problems.add(new Refused.FieldProblem("inspector", "is not on the inspection's team; the lead inspector names the team "
                    + "(UpdateInspection, team) first"));
        }
        if (command.references().isEmpty()) {
            problems.add(new Refused.FieldProblem("references", "names no case; give the sampled cases to assign"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < command.references().size(); i++) {
            String reference = command.references().get(i);
            if (!active.containsKey(reference)) {
                problems.add(new Refused.FieldProblem("references[" + i + "]", "is not a case in the sample as it stands"));
            } else if (!seen.add(reference)) {
                problems.add(new Refused.FieldProblem("references[" + i + "]", "names the case twice"));
            }
        }
        Refused.BadRequest.refuse(problems);
        List<Refused.BrokenRule> submitted = seen.stream().map(active::get)
                .filter(c -> c.submitted() && !command.inspector().equals(c.inspector()))
                .map(c -> new Refused.BrokenRule("SUBMITTED", CaseJudgements.name(inspection, c.reference()),
                        "the case's judgements are submitted; it stays with the inspector who submitted them"))
                .toList();
        if (!submitted.isEmpty()) {
            throw new Refused.RulesBroken(submitted);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (String reference : seen) {
            String previous = active.get(reference).inspector();
            if (!command.inspector().equals(previous)) {
                fieldwork.assign(inspection.id(), reference, command.inspector());
                fieldwork.record(inspection.id(), reference, new CaseEvent(CaseEvent.Type.ASSIGNED, caller.subject(), now,
                        command.inspector(), previous, null));
            }
        }
        return samples.sampledCases(inspection.id()).stream().filter(c -> seen.contains(c.reference())).toList();
    }
}
