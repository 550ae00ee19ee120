package dev.gatehouse.engine.cloud;

import java.net.URI;
import java.util.Map;

/** Adds the proof of identity to one request: an IAM token, an AK/SK signature, or nothing. */
interface RequestAuth {

    /** The headers to add; {@code headers} are those already on the request (for signing). */
    Map<String, String> headers(String method, URI uri, Map<String, String> headers, byte[] body);

    /** A 401 came back; true if fresh credentials were obtained and one retry is worth it. */
    boolean renewAfterRejection();

    static RequestAuth none() {
        return new RequestAuth() {
            @Override
            public Map<String, String> headers(String method, URI uri, Map<String, String> headers, byte[] body) {
                return Map.of();
            }

            @Override
            public boolean renewAfterRejection() {
                return false;
            }
        };
    }
}
