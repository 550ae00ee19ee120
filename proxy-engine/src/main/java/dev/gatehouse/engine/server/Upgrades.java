package dev.gatehouse.engine.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * WebSocket upgrades (RFC 6455 §4.1): the one protocol upgrade the gateway carries through.
 * Its Connection and Upgrade headers are hop-by-hop, so they are set again on the way upstream.
 */
final class Upgrades {

    private Upgrades() {
    }

    static boolean isWebSocket(HttpHeaders headers) {
        return headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    static void requestWebSocket(HttpHeaders headers) {
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
        headers.set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
    }
}
