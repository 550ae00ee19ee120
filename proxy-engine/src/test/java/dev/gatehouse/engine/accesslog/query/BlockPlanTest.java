package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.store.Blocks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockPlanTest {

    @Test
    void adjacentBlocksAreReadAsOneIdRangeHighestFirst() {
        List<BlockPlan.Span> spans = List.of(span(7), span(3), span(5), span(4), span(9));

        List<long[]> ranges = BlockPlan.ranges(spans);

        assertThat(ranges).containsExactly(
                new long[] {Blocks.firstId(9), Blocks.lastId(9)},
                new long[] {Blocks.firstId(7), Blocks.lastId(7)},
                new long[] {Blocks.firstId(3), Blocks.lastId(5)});
    }

    private static BlockPlan.Span span(long block) {
        return new BlockPlan.Span(block, 0, 0);
    }
}
