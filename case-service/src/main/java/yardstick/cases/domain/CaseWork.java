package yardstick.cases.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The work case-service does on an inspection, and the stages that allow it: the inspectorate's
 * order (Annexe 1, the plan's timeline). The population is imported and the sample planned and
 * drawn while sampling; cases are judged and moderated in fieldwork; a closed inspection changes
 * no more. Reading is never gated by stage.
 */
public enum CaseWork {
    IMPORT_POPULATION("import the eligible population", InspectionState.SAMPLING),
    PLAN_SAMPLE("plan the sample", InspectionState.SAMPLING),
    DRAW_SAMPLE("draw the sample", InspectionState.SAMPLING),
    REPLACE_SAMPLED_CASE("replace a sampled case", InspectionState.SAMPLING, InspectionState.FIELDWORK),
    ASSIGN_CASES("assign sampled cases", InspectionState.SAMPLING, InspectionState.FIELDWORK),
    JUDGE_CASES("judge or submit a case", InspectionState.FIELDWORK),
    SELECT_FOR_MODERATION("pick or draw the moderation sample", InspectionState.FIELDWORK),
    MODERATE_CASES("moderate a case", InspectionState.FIELDWORK),
    CHANGE_INSPECTION("change the inspection", InspectionState.PLANNING, InspectionState.SAMPLING, InspectionState.FIELDWORK,
            InspectionState.RATING);

    private final String doing;
    private final Set<InspectionState> allowedIn;

    CaseWork(String doing, InspectionState first, InspectionState... more) {
        this.doing = doing;
        this.allowedIn = EnumSet.of(first, more);
    }

    public Set<InspectionState> allowedIn() {
        return Set.copyOf(allowedIn);
    }

    /** Why this work may not be done in {@code state}; empty when it may. */
    public Optional<String> refusal(InspectionState state) {
        if (allowedIn.contains(state)) {
            return Optional.empty();
        }
        String needed = allowedIn.stream().map(Enum::name).collect(Collectors.joining(" or "));
        return Optional.of("to " + doing + " the inspection must be in " + needed + "; it is in " + state);
    }
}
