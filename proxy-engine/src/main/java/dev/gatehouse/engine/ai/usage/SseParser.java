package dev.gatehouse.engine.ai.usage;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An incremental Server-Sent Events parser for a response body fed as it arrives, in slices split
 * anywhere (inside a UTF-8 character, inside a line, between {@code \r} and {@code \n}).
 *
 * <p>Follows the WHATWG event-stream rules that matter to a gateway: lines end in {@code \r\n},
 * {@code \n} or {@code \r}; a blank line ends a block; {@code data} lines are joined with
 * {@code \n}; one space after the colon is dropped; lines starting with ':' are comments; a leading
 * byte-order mark is ignored; {@code id}, {@code retry} and unknown fields are kept in the raw bytes
 * only. Every block is reported, dispatchable or not (see {@link SseEvent}), so the concatenated raw
 * bytes of the reported blocks plus {@link #finish}'s tail are exactly the bytes fed.
 *
 * <p>Lines are split on bytes and decoded only once complete: {@code \r} and {@code \n} never occur
 * inside a multi-byte UTF-8 sequence, so a split character is never decoded half. Bounded: a block
 * longer than the limit, complete or not, fails the parser with {@link SseEventTooLargeException}.
 * One instance per stream; not thread-safe.
 */
public final class SseParser {

    /** The default limit on one event's bytes: 1 MiB. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 1 << 20;

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final int maxEventBytes;
    // Bytes fed but not yet reported: buf[blockStart, length). Compacted after every feed.
    private byte[] buf = new byte[512];
    private int length;
    private int blockStart;
    private int lineStart;
    // A line ended in \r: a \n right after it belongs to the same line ending.
    private boolean afterCr;
    // ...and that line was blank, so the block ends after the \n if one comes, else at the \r.
    private boolean blockEndsAfterCr;
    private boolean firstLine = true;
    private String eventType;
    private StringBuilder data;
    private boolean failed;

    public SseParser() {
        this(DEFAULT_MAX_EVENT_BYTES);
    }

    public SseParser(int maxEventBytes) {
        if (maxEventBytes <= 0) {
            throw new IllegalArgumentException("maxEventBytes: " + maxEventBytes + " (expected > 0)");
        }
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * Parses the next slice of the stream, giving each completed block to {@code sink} in order.
     *
     * @throws SseEventTooLargeException when a block exceeds the limit; blocks before it were given
     *                                   to {@code sink}, and the parser takes no more input
     */
    public void feed(byte[] bytes, int offset, int length, Consumer<SseEvent> sink) {
        requireNonNull(bytes, "bytes");
        requireNonNull(sink, "sink");
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + bytes.length);
        }
        int at = reserve(length);
        System.arraycopy(bytes, offset, buf, at, length);
        parse(at, sink);
    }

    /** {@link #feed(byte[], int, int, Consumer)} for a buffer's readable bytes; neither consumes nor releases it. */
    public void feed(ByteBuf bytes, Consumer<SseEvent> sink) {
        requireNonNull(bytes, "bytes");
        requireNonNull(sink, "sink");
        int readable = bytes.readableBytes();
        int at = reserve(readable);
        bytes.getBytes(bytes.readerIndex(), buf, at, readable);
        parse(at, sink);
    }

    /**
     * Ends the stream: reports a block whose blank line was a lone {@code \r} (held in case a
     * {@code \n} followed) and returns the bytes of an unterminated last block, which WHATWG rules
     * discard but a proxy forwards. After a failure, returns every byte fed and not yet reported.
     */
    public byte[] finish(Consumer<SseEvent> sink) {
        requireNonNull(sink, "sink");
        if (!failed && afterCr && blockEndsAfterCr) {
            afterCr = false;
            emit(length, sink);
        }
        byte[] tail = Arrays.copyOfRange(buf, blockStart, length);
        blockStart = length;
        failed = true;
        return tail;
    }

    private int reserve(int more) {
        if (failed) {
            throw new IllegalStateException("the parser failed or finished and takes no more input");
        }
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(length + more, buf.length * 2));
        }
        int at = length;
        length += more;
        return at;
    }

    private void parse(int from, Consumer<SseEvent> sink) {
        for (int i = from; i < length; i++) {
            byte b = buf[i];
            if (afterCr) {
                afterCr = false;
                if (b == LF) {
                    lineStart = i + 1;
                    if (blockEndsAfterCr) {
                        emit(i + 1, sink);
                    }
                    continue;
                }
                if (blockEndsAfterCr) {
                    emit(i, sink);
                }
            }
            if (b == LF || b == CR) {
                boolean blank = i == lineStart;
                if (!blank) {
                    line(lineStart, i);
                }
                firstLine = false;
                lineStart = i + 1;
                if (b == CR) {
                    afterCr = true;
                    blockEndsAfterCr = blank;
                } else if (blank) {
                    emit(i + 1, sink);
                }
            }
        }
        if (length - blockStart > maxEventBytes) {
            fail();
        }
        compact();
    }

    private void line(int start, int end) {
        String line = new String(buf, start, end - start, StandardCharsets.UTF_8);
        if (firstLine && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (line.isEmpty() || line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        int valueStart = colon < 0 ? line.length() : colon + 1;
        if (valueStart < line.length() && line.charAt(valueStart) == ' ') {
            valueStart++;
        }
        String value = line.substring(valueStart);
        if (field.equals("data")) {
            if (data == null) {
                data = new StringBuilder(value.length() + 1);
            }
            data.append(value).append('\n');
        } else if (field.equals("event")) {
            eventType = value;
        }
    }

    private void emit(int end, Consumer<SseEvent> sink) {
        if (end - blockStart > maxEventBytes) {
            fail();
        }
        byte[] raw = Arrays.copyOfRange(buf, blockStart, end);
        String joined = data == null ? null : data.substring(0, data.length() - 1);
        String type = eventType == null || eventType.isEmpty() ? null : eventType;
        blockStart = end;
        eventType = null;
        data = null;
        sink.accept(new SseEvent(type, joined, raw));
    }

    private void fail() {
        failed = true;
        throw new SseEventTooLargeException(maxEventBytes);
    }

    private void compact() {
        if (blockStart == 0) {
            return;
        }
        System.arraycopy(buf, blockStart, buf, 0, length - blockStart);
        length -= blockStart;
        lineStart -= blockStart;
        blockStart = 0;
    }
}
