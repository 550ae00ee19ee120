package dev.gatehouse.engine.ai.provider;

import java.nio.charset.StandardCharsets;

/** Request-target helpers: the path without its query, and safe path segments. */
final class Paths {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Paths() {
    }

    static String withoutQuery(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /**
     * Percent-encodes everything but RFC 3986 unreserved characters, so that a model name such as
     * {@code Qwen/Qwen2-72B} or {@code ../x} stays one segment instead of changing the upstream path.
     */
    static String segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
