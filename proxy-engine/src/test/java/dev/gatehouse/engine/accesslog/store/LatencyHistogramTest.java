package dev.gatehouse.engine.accesslog.store;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinSixPercentOfTheExactOnes() {
        Random random = new Random(1);
        long[] values = new long[100_000];
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextGaussian() * 2 + 9);
            histogram.record(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            double exact = values[(int) Math.ceil(q * values.length) - 1];
            assertThat(histogram.percentile(q)).as("p" + q).isCloseTo(exact, within(exact * 0.0625));
        }
    }

    @Test
    void smallValuesAreExactAndAnEmptyHistogramSaysZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertThat(histogram.percentile(0.99)).isZero();
        histogram.record(3);
        histogram.record(7);
        assertThat(histogram.percentile(0.5)).isEqualTo(3);
        assertThat(histogram.percentile(1.0)).isEqualTo(7);
    }

    @Test
    void histogramsMergeThroughTheirBytes() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 1; i <= 1_000; i++) {
            (i % 2 == 0 ? a : b).record(i * 1_000L);
        }
        LatencyHistogram merged = new LatencyHistogram();
        merged.addBytes(a.toBytes());
        merged.addBytes(b.toBytes());
        assertThat(merged.total()).isEqualTo(1_000);
        assertThat(merged.percentile(0.5)).isCloseTo(500_000, within(500_000 * 0.0625));
        assertThat(a.toBytes().length).isLessThan(400);
    }
}
