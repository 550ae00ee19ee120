package dev.gatehouse.engine.health;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Thresholds as in the defaults: 3 failures take an endpoint down, 2 successes bring it back. */
class ProbeTallyTest {

    @ParameterizedTest(name = "{0} -> up = {1}")
    @CsvSource({
            "S, true",
            "FF, true",
            "FFF, false",       // three consecutive failures
            "FFS, true",        // two failures then a success: still healthy
            "FFSFF, true",      // the success reset the run
            "FFFS, false",      // one success is not enough to come back
            "FFFSS, true",
            "FFFSFS, false",    // the failure reset the run of successes
            "FFFSFSS, true",
    })
    void consecutiveResultsDecideTheVerdict(String results, boolean up) {
        ProbeTally tally = new ProbeTally(3, 2, true);

        boolean verdict = true;
        for (char result : results.toCharArray()) {
            verdict = tally.record(result == 'S');
        }

        assertThat(verdict).isEqualTo(up);
        assertThat(tally.isUp()).isEqualTo(up);
    }

    @ParameterizedTest(name = "starting down, {0} -> up = {1}")
    @CsvSource({"S, false", "SS, true"})
    void endpointStartingDownNeedsHealthyThresholdSuccesses(String results, boolean up) {
        ProbeTally tally = new ProbeTally(3, 2, false);

        for (char result : results.toCharArray()) {
            tally.record(result == 'S');
        }

        assertThat(tally.isUp()).isEqualTo(up);
    }
}
