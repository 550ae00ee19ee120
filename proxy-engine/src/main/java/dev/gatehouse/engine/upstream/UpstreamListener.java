package dev.gatehouse.engine.upstream;

import io.netty.handler.codec.http.HttpResponse;

/**
 * Receives what arrives on an upstream connection while one exchange owns it. Called on the
 * connection's event loop, which is also the client connection's.
 */
public interface UpstreamListener {

    /** The response head. Ownership of the message passes to the listener. */
    void onResponseHead(HttpResponse response);

    /** An {@code HttpContent} of the body, or raw bytes after a protocol upgrade. Ownership passes on. */
    void onContent(Object content);

    /** The end of one socket read: a good moment to flush what was forwarded. */
    void onReadComplete();

    /** The connection closed or failed before the listener released it. */
    void onConnectionLost(Throwable cause);
}
