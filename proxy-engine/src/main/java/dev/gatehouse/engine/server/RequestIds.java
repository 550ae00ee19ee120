package dev.gatehouse.engine.server;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids and W3C trace context. A request id the client sent is kept (when it is a sane
 * token); otherwise a random 128-bit hex id. The gateway is a hop of the trace: it keeps the
 * caller's trace id and flags and sends its own span id as the parent upstream.
 */
public final class RequestIds {

    private static final int MAX_CLIENT_ID_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** The client's id if usable, else a new one. */
    public static String requestId(String fromClient) {
        if (fromClient != null && !fromClient.isEmpty() && fromClient.length() <= MAX_CLIENT_ID_LENGTH
                && fromClient.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return fromClient;
        }
        return hex(16);
    }

    /**
     * The traceparent to send upstream: the incoming trace continued with a new span id, or a new
     * sampled trace when the client sent none or an invalid one.
     */
    public static String nextTraceparent(String incoming) {
        if (isValidTraceparent(incoming)) {
            return "00-" + incoming.substring(3, 35) + "-" + hex(8) + "-" + incoming.substring(53, 55);
        }
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    /** The trace id (32 hex digits) in a traceparent. */
    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    static boolean isValidTraceparent(String value) {
        if (value == null || value.length() != 55 || !value.startsWith("00-")
                || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return false;
        }
        for (int i = 3; i < 55; i++) {
            char c = value.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (i != 35 && i != 52 && !hex) {
                return false;
            }
        }
        // All-zero trace or span ids are invalid per the W3C spec.
        return !value.substring(3, 35).chars().allMatch(c -> c == '0')
                && !value.substring(36, 52).chars().allMatch(c -> c == '0');
    }

    /** {@code bytes} random bytes as lower-case hex, never all zeros (W3C treats that as invalid). */
    private static String hex(int bytes) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[bytes * 2];
        long bits = 0;
        for (int i = 0; i < out.length; i++) {
            if (i % 16 == 0) {
                bits = random.nextLong();
            }
            out[i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        if (out[out.length - 1] == '0') {
            out[out.length - 1] = '1';
        }
        return new String(out);
    }
}
