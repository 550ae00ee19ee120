package dev.gatehouse.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the emitter on an EmbeddedChannel with frozen time: no sockets, no waiting. */
class ChunkEmitterTest {

    private EmbeddedChannel channel;
    private ChunkEmitter emitter;
    private final List<String> ended = new ArrayList<>();

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                emitter = new ChunkEmitter(ctx, 3, i -> "c" + i, i -> i == 0 ? 100_000_000 : 50_000_000, true,
                        new ChunkEmitter.Listener() {
                            @Override
                            public void ended(boolean completed) {
                                ended.add(completed ? "completed" : "cancelled");
                            }
                        });
            }

            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                emitter.writabilityChanged();
            }
        });
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    private List<String> written() {
        List<String> chunks = new ArrayList<>();
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            HttpContent content = (HttpContent) msg;
            chunks.add(content instanceof LastHttpContent ? "<last>" : content.content().toString(StandardCharsets.UTF_8));
            content.release();
        }
        return chunks;
    }

    private void startEmitter() {
        channel.eventLoop().execute(emitter::start);
        channel.runPendingTasks();
    }

    private void advanceMillis(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
        channel.runScheduledPendingTasks();
    }

    @Test
    void writesEachChunkAsItsOwnHttpContentAfterItsDelay() {
        startEmitter();

        advanceMillis(99);
        assertThat(written()).isEmpty();
        advanceMillis(1);
        assertThat(written()).containsExactly("c0");
        advanceMillis(50);
        assertThat(written()).containsExactly("c1");
        advanceMillis(50);
        assertThat(written()).containsExactly("c2", "<last>");
        assertThat(ended).containsExactly("completed");
    }

    @Test
    void pausesWhileTheChannelIsNotWritableAndResumesWhenItIs() {
        startEmitter();
        advanceMillis(100);
        assertThat(written()).containsExactly("c0");

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        channel.runPendingTasks();
        advanceMillis(500);
        assertThat(written()).isEmpty();
        assertThat(emitter.isPaused()).isTrue();

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();
        assertThat(written()).containsExactly("c1");
        advanceMillis(50);
        assertThat(written()).containsExactly("c2", "<last>");
    }

    @Test
    void cancelStopsFurtherWritesAndReportsCancelled() {
        startEmitter();
        advanceMillis(100);
        assertThat(written()).containsExactly("c0");

        emitter.cancel();
        advanceMillis(1_000);

        assertThat(written()).isEmpty();
        assertThat(ended).containsExactly("cancelled");
    }
}
