package yardstick.ratings.domain;

import java.util.Set;

/**
 * The sub-sample a key question counts: only some disposal types (Kent's 3.4.2: youth
 * conditional cautions), or excluding cases whose risk of serious harm was judged at some levels
 * (keeping other people safe excludes low). The description keeps the report's own words, and
 * may be all there is where the report's criterion is an inspector's judgement per case.
 */
public record Applicability(Set<DisposalType> disposalTypes, Set<RiskLevel> excludedRiskOfSeriousHarm, String description) {

    public Applicability {
        disposalTypes = Set.copyOf(disposalTypes);
        excludedRiskOfSeriousHarm = Set.copyOf(excludedRiskOfSeriousHarm);
    }
}
