package dev.gatehouse.engine.sim.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/** One request to the cloud simulator, read off the wire: headers in lower case, the body parsed. */
record SimRequest(String method, URI uri, Map<String, String> headers, byte[] rawBody, JsonNode body) {

    String path() {
        return uri.getRawPath();
    }

    String header(String name) {
        return headers.get(name);
    }

    /** One query parameter, or null. */
    String query(String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
