package dev.gatehouse.engine.accesslog.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockFactsTest {

    private static final long MINUTE = 29_433_600; // 2025-12-18T00:00Z in epoch minutes
    private static final BlockFacts.Filter ANY = new BlockFacts.Filter(-1, -1, -1, -1, -1, -1, 0b111110, null, null);

    @Test
    void countsTheMatchingRecordsPerMinuteAndStatusClass() {
        byte[] facts = BlockFacts.empty();
        BlockFacts.put(facts, 1024, MINUTE, 200, 1, 2, 3, 4, 5, 6, false, false);
        BlockFacts.put(facts, 1025, MINUTE, 503, 1, 2, 3, 4, 5, 7, true, false);
        BlockFacts.put(facts, 1026, MINUTE + 1, 404, 9, 2, 3, 4, 5, 6, false, true);
        BlockFacts.put(facts, 1027, MINUTE - 1, 201, 1, 2, 3, 4, 0, 6, false, false);

        assertThat(BlockFacts.complete(facts)).isTrue();
        assertThat(counts(facts, ANY, MINUTE - 1, MINUTE + 2))
                .containsExactly("29433600/2=1", "29433600/5=1", "29433601/4=1", "29433599/2=1");
        assertThat(counts(facts, new BlockFacts.Filter(1, -1, -1, -1, -1, 6, 0b111110, null, null), MINUTE - 1, MINUTE + 2))
                .containsExactly("29433600/2=1", "29433599/2=1");
        assertThat(counts(facts, new BlockFacts.Filter(-1, -1, -1, -1, 0, -1, 0b111110, null, null), MINUTE - 1, MINUTE + 2))
                .containsExactly("29433599/2=1");
        assertThat(counts(facts, new BlockFacts.Filter(-1, -1, -1, -1, -1, -1, 0b100000, true, false), MINUTE, MINUTE + 1))
                .containsExactly("29433600/5=1");
        assertThat(counts(facts, new BlockFacts.Filter(-1, -1, -1, -1, -1, -1, 0b111110, null, true), MINUTE, MINUTE + 2))
                .containsExactly("29433601/4=1");
        assertThat(counts(facts, ANY, MINUTE, MINUTE + 1)).containsExactly("29433600/2=1", "29433600/5=1");
    }

    @Test
    void aRecordThatDoesNotFitMakesItsBlockIncomplete() {
        byte[] outsideHttp = BlockFacts.empty();
        BlockFacts.put(outsideHttp, 0, MINUTE, 200, 1, 2, 3, 4, 5, 6, false, false);
        BlockFacts.put(outsideHttp, 1, MINUTE, 0, 1, 2, 3, 4, 5, 6, false, false);
        byte[] bigNumber = BlockFacts.empty();
        BlockFacts.put(bigNumber, 0, MINUTE, 200, 70_000, 2, 3, 4, 5, 6, false, false);
        byte[] longBlock = BlockFacts.empty();
        BlockFacts.put(longBlock, 0, MINUTE, 200, 1, 2, 3, 4, 5, 6, false, false);
        BlockFacts.put(longBlock, 1, MINUTE + 40_000, 200, 1, 2, 3, 4, 5, 6, false, false);

        assertThat(BlockFacts.complete(outsideHttp)).isFalse();
        assertThat(BlockFacts.complete(bigNumber)).isFalse();
        assertThat(BlockFacts.complete(longBlock)).isFalse();
        assertThat(BlockFacts.complete(BlockFacts.incomplete())).isFalse();
        assertThat(BlockFacts.complete(null)).isFalse();
    }

    private static List<String> counts(byte[] facts, BlockFacts.Filter filter, long first, long end) {
        List<String> counts = new ArrayList<>();
        BlockFacts.count(facts, filter, first, end, (minute, statusClass, n) -> counts.add(minute + "/" + statusClass + "=" + n));
        return counts;
    }
}
