package yardstick.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The sample size formula against figures worked by hand. At 80 per cent confidence z = 1.28155,
 * so n0 = 1.28155^2 x 0.25 / 0.05^2 = 164.237, and n = n0 / (1 + (n0 - 1) / N):
 * N = 50: 164.237 / 4.2647 = 38.51, so 39; N = 144: 164.237 / 2.1336 = 76.98, so 77;
 * N = 200: 164.237 / 1.8162 = 90.43, so 91; N = 1,000: 164.237 / 1.16324 = 141.19, so 142,
 * held to the maximum of 91.
 */
class SampleSizeTest {

    private static SampleSize at80And5(int population) {
        return SampleSize.of(population, 0.8, 0.05, 14, 91);
    }

    @Test
    void theFormulaWithTheFinitePopulationCorrectionGivesTheHandWorkedSizes() {
        assertEquals(164.237, at80And5(50).uncorrected(), 0.001);
        assertEquals(39, at80And5(50).size());
        assertEquals(38.510, at80And5(50).corrected(), 0.001);
        assertEquals(77, at80And5(144).size());
        assertEquals(76.977, at80And5(144).corrected(), 0.001);
        assertEquals(91, at80And5(200).size(), "the inspectorate's own example: 91 for a population of 200");
    }

    @Test
    void theMaximumHoldsTheLargestServices() {
        SampleSize thousand = at80And5(1000);
        assertEquals(141.190, thousand.corrected(), 0.001);
        assertEquals(91, thousand.size());
        assertTrue(thousand.reason().contains("above the maximum"), thousand.reason());
        assertEquals(120, SampleSize.of(1000, 0.8, 0.05, 14, 120).size(), "bounds are parameters");
    }

    @Test
    void aPopulationSmallerThanTheComputedSizeIsTakenWhole() {
        SampleSize ten = at80And5(10);
        assertEquals(10, ten.size());
        assertTrue(ten.reason().startsWith("the whole population"), ten.reason());
        assertEquals(13, at80And5(13).size(), "below the minimum of 14: every case");
    }

    @Test
    void theMinimumRaisesASmallFormulaResult() {
        // N = 16: 164.237 / (1 + 163.237 / 16) = 14.66, so 15; N = 15: 13.75, so 14, which the minimum allows.
        assertEquals(15, at80And5(16).size());
        assertEquals(14, at80And5(15).size());
        assertEquals(14, SampleSize.of(500, 0.5, 0.2, 14, 91).size(), "a loose margin falls to the minimum");
    }

    @Test
    void confidenceAndMarginAreParameters() {
        // 95 per cent, margin 5: z = 1.95996, n0 = 384.146; N = 200: 384.146 / 2.9157 = 131.75, so 132.
        assertEquals(132, SampleSize.of(200, 0.95, 0.05, 14, 500).size());
    }

    @Test
    void aSubSampleHasALargerMarginOfError() {
        SampleSize court = at80And5(200);
        assertTrue(court.marginOfErrorFor(91) <= 5.0 + 1e-6, "the full sample meets the margin: " + court.marginOfErrorFor(91));
        assertTrue(court.marginOfErrorFor(12) > 15, "twelve girls' cases: " + court.marginOfErrorFor(12));
    }
}
