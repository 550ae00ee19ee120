package dev.gatehouse.engine.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The leak check itself can fail: a buffer dropped unreleased is reported. */
class LeakDetectorExtensionTest {

    @Test
    void anUnreleasedBufferIsReported() {
        leakOne();
        List<String> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            LeakDetectorExtension.provokeDetection();
            found.addAll(LeakDetectorExtension.drainLeaks());
            return !found.isEmpty();
        });
        assertThat(found.get(0)).contains("ByteBuf").contains("leaked");
    }

    private static void leakOne() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.buffer(16);
        leaked.writeInt(42);
    }
}
