package dev.gatehouse.engine.admin.rest;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * An {@link OutputStream} that a blocking thread writes a long answer into: sent to the channel in
 * 64 KiB chunks, the response head with the first one. Each chunk waits until the channel has
 * taken it, which is the backpressure: a slow reader slows the writer instead of filling memory.
 * Never use it on an event loop.
 */
final class ChunkedChannelOutput extends OutputStream {

    private static final int CHUNK = 64 * 1024;
    /** A reader that takes nothing for this long is gone. */
    private static final Duration STALLED = Duration.ofSeconds(60);

    private final Channel channel;
    private final HttpResponse head;
    private final byte[] buffer = new byte[CHUNK];
    private int size;
    private boolean started;

    ChunkedChannelOutput(Channel channel, HttpResponse head) {
        this.channel = channel;
        this.head = head;
    }

    /** Whether the head went out, after which an error can only cut the answer short. */
    boolean started() {
        return started;
    }

    @Override
    public void write(int b) throws IOException {
        if (size == CHUNK) {
            sendBuffer();
        }
        buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (size == CHUNK) {
                sendBuffer();
            }
            int n = Math.min(length, CHUNK - size);
            System.arraycopy(bytes, offset, buffer, size, n);
            size += n;
            offset += n;
            length -= n;
        }
    }

    /** Sends what is buffered and ends the answer with {@code trailers}. */
    void finish(Map<String, String> trailers) throws IOException {
        sendBuffer();
        LastHttpContent last = new DefaultLastHttpContent();
        trailers.forEach((name, value) -> last.trailingHeaders().set(name, value));
        send(last);
    }

    private void sendBuffer() throws IOException {
        if (size > 0) {
            send(new DefaultHttpContent(Unpooled.copiedBuffer(buffer, 0, size)));
            size = 0;
        }
    }

    private void send(HttpObject chunk) throws IOException {
        if (!started) {
            started = true;
            channel.write(head);
        }
        ChannelFuture written = channel.writeAndFlush(chunk);
        if (!written.awaitUninterruptibly(STALLED.toMillis())) {
            channel.close();
            throw new IOException("the client took nothing for " + STALLED.toSeconds() + " s");
        }
        if (!written.isSuccess()) {
            throw new IOException("the client went away: " + written.cause(), written.cause());
        }
    }
}
