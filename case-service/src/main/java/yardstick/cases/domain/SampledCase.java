package yardstick.cases.domain;

/**
 * A case in an inspection's sample, active or replaced, with its inclusion probability and the
 * profile the design knew it by (both absent for samples drawn before they were recorded), and the
 * inspector it is assigned to (null while unassigned).
 */
public record SampledCase(String reference, CaseCategory category, int position, boolean active, String replacedBecause,
                          String replaces, String replacementNote, Double inclusionProbability, Profile profile, String inspector) {
}
