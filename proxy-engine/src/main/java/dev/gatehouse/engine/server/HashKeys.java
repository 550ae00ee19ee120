package dev.gatehouse.engine.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The value a pool's consistent hash keys on, from its {@code hashOn} setting: the client IP,
 * a header ({@code header:NAME}), or the consumer — its name on AI routes, where it was
 * authenticated, else the credential the client presents.
 */
final class HashKeys {

    private HashKeys() {
    }

    static String keyFor(String hashOn, HttpHeaders headers, String clientIp, String consumer) {
        if (hashOn == null || hashOn.equals("client_ip")) {
            return clientIp;
        }
        if (hashOn.startsWith("header:")) {
            return headers.get(hashOn.substring("header:".length()));
        }
        if (hashOn.equals("consumer")) {
            if (consumer != null) {
                return consumer;
            }
            String key = headers.get("x-api-key");
            return key != null ? key : headers.get(HttpHeaderNames.AUTHORIZATION);
        }
        return clientIp;
    }
}
