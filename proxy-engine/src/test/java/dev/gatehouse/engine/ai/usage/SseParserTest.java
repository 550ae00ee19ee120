package dev.gatehouse.engine.ai.usage;

import static dev.gatehouse.engine.ai.usage.Streams.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

class SseParserTest {

    /** A stream, the events it holds (event, data, raw) and the unterminated tail left at the end. */
    static Stream<Arguments> streams() {
        return Stream.of(
                Arguments.of("LF, multi-line data, one space dropped",
                        "data: one\n\ndata: two\ndata:  three\n\n",
                        List.of(ev(null, "one", "data: one\n\n"),
                                ev(null, "two\n three", "data: two\ndata:  three\n\n")),
                        ""),
                Arguments.of("CRLF, event field, multi-byte UTF-8",
                        "event: delta\r\ndata: é中😀\r\n\r\ndata:x\r\n\r\n",
                        List.of(ev("delta", "é中😀", "event: delta\r\ndata: é中😀\r\n\r\n"),
                                ev(null, "x", "data:x\r\n\r\n")),
                        ""),
                Arguments.of("lone CR endings; the last blank line resolved at the end",
                        "data: a\r\rdata: b\r\r",
                        List.of(ev(null, "a", "data: a\r\r"), ev(null, "b", "data: b\r\r")),
                        ""),
                Arguments.of("comments, empty data, id and retry",
                        ": keep-alive\n\ndata\n\nid: 7\nretry: 10\nevent:\ndata: {\"a\":1}\n\n",
                        List.of(ev(null, null, ": keep-alive\n\n"),
                                ev(null, "", "data\n\n"),
                                ev(null, "{\"a\":1}", "id: 7\nretry: 10\nevent:\ndata: {\"a\":1}\n\n")),
                        ""),
                Arguments.of("mixed endings, byte-order mark, stray blank line, unterminated tail",
                        "\uFEFFdata: ok\r\n\ndata: z\n\r\n\ndata: cut",
                        List.of(ev(null, "ok", "\uFEFFdata: ok\r\n\n"),
                                ev(null, "z", "data: z\n\r\n"),
                                ev(null, null, "\n")),
                        "data: cut"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void sameEventsWhereverTheStreamIsSplit(String name, String stream, List<SseEvent> expected, String tail) {
        byte[] bytes = utf8(stream);

        for (int[] cuts : Streams.cutPairs(bytes.length)) {
            List<SseEvent> events = new ArrayList<>();
            SseParser parser = new SseParser();
            parser.feed(bytes, 0, cuts[0], events::add);
            parser.feed(bytes, cuts[0], cuts[1] - cuts[0], events::add);
            parser.feed(bytes, cuts[1], bytes.length - cuts[1], events::add);
            byte[] rest = parser.finish(events::add);

            assertThat(events).as("cut at %d and %d", cuts[0], cuts[1]).isEqualTo(expected);
            assertThat(utf8(rest)).as("cut at %d and %d", cuts[0], cuts[1]).isEqualTo(tail);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void rawBytesOfAllBlocksAndTailAreTheStream(String name, String stream, List<SseEvent> expected, String tail) {
        byte[] bytes = utf8(stream);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        SseParser parser = new SseParser();

        for (byte b : bytes) {
            parser.feed(new byte[] {b}, 0, 1, event -> seen.writeBytes(event.raw()));
        }
        seen.writeBytes(parser.finish(event -> seen.writeBytes(event.raw())));

        assertThat(seen.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void crlfEventIsReportedWithItsFinalLineFeedOnceItArrives() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser();

        parser.feed(utf8("data: a\r\n\r"), 0, 10, events::add);
        assertThat(events).isEmpty();
        parser.feed(utf8("\n"), 0, 1, events::add);

        assertThat(events).containsExactly(ev(null, "a", "data: a\r\n\r\n"));
    }

    @Test
    void eventOfExactlyTheLimitIsParsed() {
        byte[] bytes = utf8("data: 0123456789\n\n");
        List<SseEvent> events = new ArrayList<>();

        new SseParser(bytes.length).feed(bytes, 0, bytes.length, events::add);

        assertThat(events).extracting(SseEvent::data).containsExactly("0123456789");
    }

    @Test
    void eventOverTheLimitFailsWhereverItIsSplitAfterReportingTheEventsBeforeIt() {
        byte[] bytes = utf8("data: small\n\ndata: " + "x".repeat(40) + "\n\ndata: after\n\n");

        for (int cut = 0; cut <= bytes.length; cut++) {
            List<SseEvent> events = new ArrayList<>();
            SseParser parser = new SseParser(32);
            int fed = cut;
            try {
                parser.feed(bytes, 0, cut, events::add);
                fed = bytes.length;
                parser.feed(bytes, cut, bytes.length - cut, events::add);
                throw new AssertionError("no failure for cut " + cut);
            } catch (SseEventTooLargeException expected) {
                assertThat(expected.limit()).isEqualTo(32);
            }
            byte[] held = parser.finish(event -> { });

            assertThat(events).extracting(SseEvent::data).as("cut %d", cut).containsExactly("small");
            assertThat(utf8(events.get(0).raw()) + utf8(held)).isEqualTo(utf8(bytes).substring(0, fed));
        }
    }

    @Test
    void failedParserTakesNoMoreInput() {
        SseParser parser = new SseParser(4);
        byte[] bytes = utf8("data: too long");
        assertThatThrownBy(() -> parser.feed(bytes, 0, bytes.length, event -> { }))
                .isInstanceOf(SseEventTooLargeException.class);

        assertThatThrownBy(() -> parser.feed(bytes, 0, 1, event -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void byteBufIsReadWithoutBeingConsumed() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            buf.writeBytes(utf8("xxdata: hi\n\n"));
            buf.readerIndex(2);
            List<SseEvent> events = new ArrayList<>();

            new SseParser().feed(buf, events::add);

            assertThat(events).containsExactly(ev(null, "hi", "data: hi\n\n"));
            assertThat(buf.readerIndex()).isEqualTo(2);
        } finally {
            buf.release();
        }
    }

    private static SseEvent ev(String event, String data, String raw) {
        return new SseEvent(event, data, utf8(raw));
    }
}
