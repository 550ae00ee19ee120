package dev.gatehouse.engine.accesslog.store;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BlocksTest {

    @Test
    void aBlocksFilterFindsEveryIdItHoldsAndFewOthers() {
        byte[] bloom = new byte[Blocks.BLOOM_BYTES];
        SplittableRandom random = new SplittableRandom(5);
        String[] held = new String[2 * Blocks.SIZE];
        for (int i = 0; i < held.length; i++) {
            held[i] = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            Blocks.bloomAdd(bloom, held[i]);
        }

        for (String id : held) {
            assertThat(Blocks.bloomMayContain(bloom, id)).as(id).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            falsePositives += Blocks.bloomMayContain(bloom, "other-" + i) ? 1 : 0;
        }
        // 16 bits and 8 hashes per id: about 0.06 % in theory.
        assertThat(falsePositives).isLessThan(300);
    }

    @Test
    void idsFallIntoBlocksOfSizeRecords() {
        assertThat(Blocks.blockOf(Blocks.SIZE - 1)).isZero();
        assertThat(Blocks.blockOf(Blocks.SIZE)).isEqualTo(1);
        assertThat(Blocks.firstId(3)).isEqualTo(3L * Blocks.SIZE);
        assertThat(Blocks.lastId(3)).isEqualTo(4L * Blocks.SIZE - 1);
    }
}
