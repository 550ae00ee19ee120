package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A record as a curl command to send it again, without secrets: no Authorization header (the
 * record keeps none, and none is invented), and query parameters that carry keys or tokens are
 * dropped. The body is not stored, so a POST gets an empty JSON object to fill in.
 */
public final class CurlCommand {

    /** Query parameters that hold credentials, compared without case. */
    static final Set<String> SECRET_PARAMETERS = Set.of("key", "api_key", "apikey", "api-key", "token",
            "access_token", "auth", "authorization", "password", "secret", "signature", "sig");

    private CurlCommand() {
    }

    public static String of(AccessRecord r) {
        String scheme = r.downstreamLocalAddress() != null && r.downstreamLocalAddress().endsWith(":443") ? "https" : "http";
        String host = r.authority() != null ? r.authority() : "localhost";
        StringBuilder curl = new StringBuilder("curl -X ").append(r.method() == null ? "GET" : r.method())
                .append(' ').append(quote(scheme + "://" + host + withoutSecrets(r.path() == null ? "/" : r.path())));
        if (r.userAgent() != null) {
            curl.append(" \\\n  -H ").append(quote("User-Agent: " + r.userAgent()));
        }
        if (r.traceId() != null) {
            curl.append(" \\\n  -H ").append(quote("traceparent: 00-" + r.traceId() + "-0000000000000001-01"));
        }
        if ("POST".equals(r.method()) || "PUT".equals(r.method())) {
            String body = r.model() != null ? "{\"model\": \"" + r.model().replace("\"", "\\\"") + "\"}" : "{}";
            curl.append(" \\\n  -H 'Content-Type: application/json' \\\n  -d ").append(quote(body));
        }
        return curl.toString();
    }

    /** The path with credential-carrying query parameters removed. */
    static String withoutSecrets(String path) {
        int question = path.indexOf('?');
        if (question < 0) {
            return path;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : path.substring(question + 1).split("&")) {
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !SECRET_PARAMETERS.contains(name)) {
                kept.add(parameter);
            }
        }
        return path.substring(0, question) + (kept.length() == 0 ? "" : "?" + kept);
    }

    /** Single quotes for a POSIX shell: nothing inside is expanded. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
