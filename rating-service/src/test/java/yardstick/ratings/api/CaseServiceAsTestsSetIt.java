package yardstick.ratings.api;

import io.grpc.Status;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import yardstick.ratings.Golden;
import yardstick.ratings.domain.KeyQuestionTally;
import yardstick.ratings.peers.CaseServiceClient;

/**
 * case-service as a test sets it: each inspection's framework and stage, its tallies and resettlement
 * cases, and whether case-service is down (every question then answers UNAVAILABLE naming it, as the
 * real client does). It replaces the client in every test of this service; a test injects it to set it.
 */
@Singleton
@Replaces(CaseServiceClient.class)
public class CaseServiceAsTestsSetIt extends CaseServiceClient {

    private final Map<String, InspectionSeen> inspections = new ConcurrentHashMap<>();
    private final Map<String, JudgementTallies> tallies = new ConcurrentHashMap<>();
    private volatile boolean down;

    public CaseServiceAsTestsSetIt() {
        super(null);
    }

    /** Kent 2021's published counts, on an inspection of Kent's framework. */
    static List<KeyQuestionTally> kent() {
        return counts(Golden.KENT);
    }

    /** Harrow 2021's published counts, on an inspection of Harrow's framework. */
    static List<KeyQuestionTally> harrow() {
        return counts(Golden.HARROW);
    }

    private static List<KeyQuestionTally> counts(Golden golden) {
        return golden.tallies().stream().map(t -> new KeyQuestionTally(t.getKeyQuestion(), t.getYes(), t.getApplicable())).toList();
    }

    void inspection(String inspection, String framework, Stage stage, List<KeyQuestionTally> counted, int resettlementCases) {
        inspections.put(inspection, new InspectionSeen(framework, stage));
        tallies.put(inspection, new JudgementTallies(counted, 65, resettlementCases));
    }

    void moveTo(String inspection, Stage stage) {
        inspections.computeIfPresent(inspection, (name, seen) -> new InspectionSeen(seen.framework(), stage));
    }

    /** The inspection's judgements changed: {@code keyQuestion} is now {@code yes} of {@code applicable}. */
    void judged(String inspection, String keyQuestion, int yes, int applicable) {
        JudgementTallies was = tallies.get(inspection);
        tallies.put(inspection, new JudgementTallies(was.keyQuestions().stream()
                .map(t -> t.keyQuestion().equals(keyQuestion) ? new KeyQuestionTally(keyQuestion, yes, applicable) : t).toList(),
                was.submittedCases(), was.resettlementCases()));
    }

    void down(boolean down) {
        this.down = down;
    }

    @Override
    public Optional<InspectionSeen> inspection(String inspection) {
        answering();
        return Optional.ofNullable(inspections.get(inspection));
    }

    @Override
    public JudgementTallies tallies(String inspection) {
        answering();
        return tallies.get(inspection);
    }

    private void answering() {
        if (down) {
            throw Status.UNAVAILABLE.withDescription("case-service (test) is down").asRuntimeException();
        }
    }
}
