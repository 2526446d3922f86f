package yardstick.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModerationShareTest {

    private static final List<String> KENTS_65 = IntStream.rangeClosed(1, 65).mapToObj(i -> String.format("GLD-%04d", i)).toList();

    @Test
    void aTenthOfKents65CasesIsSevenRoundedUpAndOfSeventyIsSevenNotEight() {
        assertEquals(7, ModerationShare.size(65, 0.10));
        assertEquals(7, ModerationShare.size(70, 0.10));
        assertEquals(1, ModerationShare.size(3, 0.10), "a second reader always sees at least one case");
        assertEquals(0, ModerationShare.size(0, 0.10));
        assertEquals(65, ModerationShare.size(65, 1.0));
    }

    @Test
    void theSameCasesAndSeedDrawTheSameShareAndAnotherSeedAnother() {
        List<String> drawn = ModerationShare.draw(KENTS_65, 0.10, 2021);
        assertEquals(drawn, ModerationShare.draw(KENTS_65, 0.10, 2021));
        assertEquals(7, drawn.size());
        assertEquals(7, new HashSet<>(drawn).size(), "no case twice");
        assertTrue(KENTS_65.containsAll(drawn));
        assertNotEquals(drawn, ModerationShare.draw(KENTS_65, 0.10, 2022));
    }

    @Test
    void everyCaseCanBeDrawn() {
        var seen = new HashSet<String>();
        for (long seed = 1; seed <= 400; seed++) {
            seen.addAll(ModerationShare.draw(KENTS_65, 0.10, seed));
        }
        assertEquals(65, seen.size());
    }
}
