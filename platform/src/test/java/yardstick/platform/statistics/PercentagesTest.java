package yardstick.platform.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PercentagesTest {

    @Test
    void elevenMillionCasesAreRoundedAsThreeAre() {
        // 200 times 10.9 million is past the largest int: these came out negative, or nonsense.
        assertEquals(99, Percentages.wholePercentage(10_890_000, 11_000_000));
        assertEquals(50, Percentages.wholePercentage(5_445_000, 11_000_000)); // 49.5 is 50
        assertEquals(100, Percentages.wholePercentage(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(0, Percentages.wholePercentage(0, Integer.MAX_VALUE));
    }
}
