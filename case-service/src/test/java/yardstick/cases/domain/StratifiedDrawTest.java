package yardstick.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class StratifiedDrawTest {

    private static final Predicate<EligibleCase> NONE_RECENT = c -> false;

    private static EligibleCase court(String reference, Gender gender, DisposalType type, RiskLevel harm) {
        return new EligibleCase(reference, CaseCategory.COURT, type, LocalDate.of(2021, 1, 1), Optional.empty(), gender, 15,
                EthnicityGroup.WHITE, harm, RiskLevel.MEDIUM, false, "CM-1");
    }

    @Test
    void aPopulationNoLargerThanTheSizeIsTakenWhole() {
        List<EligibleCase> population = List.of(court("A-1", Gender.MALE, DisposalType.REFERRAL_ORDER, RiskLevel.LOW),
                court("A-2", Gender.FEMALE, DisposalType.LICENCE, RiskLevel.HIGH));
        assertEquals(population, StratifiedDraw.draw(population, 14, NONE_RECENT, 0, 1).cases());
    }

    @Test
    void aReplacementComesFromTheSameStratumWhileOneIsLeftAndSaysSoWhenItIsExhausted() {
        List<EligibleCase> population = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            population.add(court("M-" + i, Gender.MALE, DisposalType.REFERRAL_ORDER, RiskLevel.LOW));
        }
        population.add(court("F-1", Gender.FEMALE, DisposalType.YOUTH_REHABILITATION_ORDER, RiskLevel.HIGH));
        population.add(court("F-2", Gender.FEMALE, DisposalType.YOUTH_REHABILITATION_ORDER, RiskLevel.HIGH));
        population.add(court("F-3", Gender.FEMALE, DisposalType.YOUTH_REHABILITATION_ORDER, RiskLevel.MEDIUM));
        EligibleCase girl = population.get(20);
        List<EligibleCase> sample = new ArrayList<>(population.subList(0, 11));
        sample.add(girl);
        Set<String> unavailable = new java.util.HashSet<>();
        sample.forEach(c -> unavailable.add(c.reference()));
        List<EligibleCase> staying = sample.stream().filter(c -> c != girl).toList();

        StratifiedDraw.Replacement same = StratifiedDraw.replacementFor(population, 12, NONE_RECENT, 0, staying, unavailable, girl, 9);
        assertEquals("F-2", same.replacement().orElseThrow().reference(), "the only other case of the stratum");
        assertFalse(same.stratumExhausted());

        unavailable.add("F-2");
        StratifiedDraw.Replacement exhausted = StratifiedDraw.replacementFor(population, 12, NONE_RECENT, 0, staying, unavailable, girl, 9);
        assertTrue(exhausted.stratumExhausted());
        assertEquals("F-3", exhausted.replacement().orElseThrow().reference(), "the closest: a girl on a youth rehabilitation order");
        assertTrue(exhausted.note().contains("differs in risk_of_serious_harm"), exhausted.note());
    }
}
