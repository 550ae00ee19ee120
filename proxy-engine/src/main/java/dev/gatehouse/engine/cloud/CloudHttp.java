package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * One JSON call to a cloud service over Apache HttpClient 5, blocking (never call it on an event
 * loop): adds the credentials, retries once after a 401 with renewed ones, waits out 429s
 * (Retry-After, else exponential backoff) and turns error bodies into a {@link CloudException}.
 */
final class CloudHttp implements AutoCloseable {

    /** RFC 7396's type, which the ModelArts network PATCH requires (API reference "Updating a Network Resource"). */
    static final String MERGE_PATCH = "application/merge-patch+json";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The host-endpoint limit is per minute, so the cloud may fairly ask for up to a minute; more is a fault. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);

    /** A response as read: status, the headers the client needs, the parsed body. */
    record Reply(int status, String requestId, Map<String, String> headers, JsonNode body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final CloseableHttpClient client;
    private final CloudOptions options;

    CloudHttp(CloudOptions options) {
        this.options = options;
        Timeout timeout = Timeout.of(options.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    CloudOptions options() {
        return options;
    }

    /** Calls and returns the body; {@code doing} words the error, e.g. "list the VPCs". */
    JsonNode call(String method, URI uri, JsonNode body, RequestAuth auth, String doing, Cancellation cancellation) {
        return exchange(method, uri, body, auth, doing, cancellation).body();
    }

    Reply exchange(String method, URI uri, JsonNode body, RequestAuth auth, String doing, Cancellation cancellation) {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean renewed = false;
        int throttled = 0;
        while (true) {
            cancellation.check(doing);
            Reply reply = send(method, uri, bytes, body != null, auth, doing);
            if (reply.status() == 401 && !renewed && auth.renewAfterRejection()) {
                renewed = true;
                continue;
            }
            if (reply.status() == 429 && throttled < options.maxThrottleRetries()) {
                options.pauser().pause(backoff(reply, throttled++), cancellation, doing);
                continue;
            }
            if (reply.status() >= 400) {
                throw CloudErrors.of(reply, doing);
            }
            return reply;
        }
    }

    private Reply send(String method, URI uri, byte[] body, boolean hasBody, RequestAuth auth, String doing) {
        Map<String, String> headers = new LinkedHashMap<>();
        // ModelArts' PATCH (a network's VPC connections) takes a JSON merge patch, and says so in its type.
        String type = "PATCH".equals(method) ? MERGE_PATCH : "application/json";
        if (hasBody) {
            headers.put("Content-Type", type);
        }
        headers.putAll(auth.headers(method, uri, headers, body));
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(uri)
                .setHeader("Accept", "application/json");
        headers.forEach(builder::setHeader);
        if (hasBody) {
            builder.setEntity(new ByteArrayEntity(body, ContentType.parse(type)));
        }
        ClassicHttpRequest request = builder.build();
        try {
            return client.execute(request, response -> {
                Map<String, String> read = new LinkedHashMap<>();
                for (Header header : response.getHeaders()) {
                    read.putIfAbsent(header.getName().toLowerCase(java.util.Locale.ROOT), header.getValue());
                }
                byte[] content = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                return new Reply(response.getCode(), read.get("x-request-id"), read, parse(content));
            });
        } catch (IOException e) {
            throw new CloudException(CloudException.Kind.UNAVAILABLE, "could not " + doing + ": " + uri.getHost()
                    + " did not answer (" + e.getMessage() + ")", 0, null, null, e);
        }
    }

    private static JsonNode parse(byte[] content) {
        if (content.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(content);
        } catch (IOException e) {
            // Gateways in front of the services answer some errors in HTML; the status still says enough.
            return MissingNode.getInstance();
        }
    }

    /** Retry-After in seconds (up to 2 min) when the cloud says, else 1 s, 2 s, 4 s ... up to 30 s. */
    private static Duration backoff(Reply reply, int attempt) {
        String retryAfter = reply.header("Retry-After");
        if (retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.trim());
                return Duration.ofSeconds(Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER.toSeconds()));
            } catch (NumberFormatException ignored) {
                // An HTTP date: fall back to our own backoff.
            }
        }
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 5));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    @Override
    public void close() {
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }
}
