package dev.gatehouse.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynamicWeightTest {

    @ParameterizedTest(name = "base {0}, gpu {1}%, latency {2} ms -> {3}: {4}")
    @CsvSource(textBlock = """
            # base, gpu %, latency ms, weight, why (hand-computed with seed 001 §2.2)
            100,    0,     0,     100,  'idle and instant: the full base'
            100,    50,    100,   47,   '100 × 0.5 × 0.95 = 47.5, truncated'
            100,    20,    100,   76,   '100 × 0.8 × 0.95'
            100,    95,    100,   28,   'gpu penalty capped at 0.7: 100 × 0.3 × 0.95 = 28.5'
            100,    90,    0,     30,   'capped: 100 × 0.3'
            100,    70,    1000,  15,   '100 × 0.3 × 0.5'
            100,    0,     100,   95,   'the seed default latency of 100 ms'
            100,    100,   1900,  10,   '1.5 before the floor of 10'
            100,    0,     2500,  10,   'negative before the floor'
            100,    0,     2000,  10,   'exactly zero before the floor'
            100,    NaN,   NaN,   100,  'nothing known: the configured weight'
            100,    NaN,   1000,  50,   'only latency known'
            100,    60,    NaN,   40,   'only gpu known'
            100,    -20,   -50,   100,  'nonsense readings do not raise the weight above base'
            200,    50,    100,   95,   'generalised base: 200 × 0.5 × 0.95'
            200,    100,   1900,  20,   'floor scales with base: a tenth of it'
            1000,   95,    0,     300,  'capped: 1000 × 0.3'
            5,      100,   1900,  1,    'small bases keep a floor of at least 1'
            """)
    void dynamicWeightFollowsSeedFormula(
            int base, double gpuUtilPercent, double latencyMillis, int expected, String why) {
        assertThat(DynamicWeight.compute(base, gpuUtilPercent, latencyMillis)).isEqualTo(expected);
    }
}
