package yardstick.ratings.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import yardstick.ratings.peers.CaseServiceClient;

/**
 * case-service as the tests that set {@link #ENABLED} need it: Kent 2021 before any judgement,
 * and an inspection of a framework long gone.
 */
@Singleton
@Replaces(CaseServiceClient.class)
@Requires(property = CaseServiceBeforeJudgements.ENABLED, value = "true")
class CaseServiceBeforeJudgements extends CaseServiceClient {

    static final String ENABLED = "yardstick.test.case-service-before-judgements";
    static final String UNJUDGED = "inspections/kent-2021-unjudged";
    static final String OF_AN_OLD_FRAMEWORK = "inspections/kent-1999";

    CaseServiceBeforeJudgements() {
        super(null);
    }

    @Override
    public Optional<String> framework(String inspection) {
        return switch (inspection) {
            case UNJUDGED -> Optional.of("frameworks/youth-2021");
            case OF_AN_OLD_FRAMEWORK -> Optional.of("frameworks/youth-1999");
            default -> Optional.empty();
        };
    }

    @Override
    public JudgementTallies tallies(String inspection) {
        return new JudgementTallies(List.of(), 0);
    }
}
