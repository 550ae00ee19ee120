package dev.gatehouse.engine.admin.remote;

import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.admin.AdminJson;
import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.ControlException.Kind;
import dev.gatehouse.engine.admin.ErrorBody;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * One JSON call helper for the admin API over a pooled Apache HttpClient: sends the body as JSON
 * with the bearer token, reads a 2xx answer as the given type and turns an error answer (or no
 * answer) into the {@link ControlException} the server meant.
 */
public final class AdminHttpClient implements AutoCloseable {

    private final URI base;
    private final String authorization;
    private final CloseableHttpClient http;
    private final ObjectMapper json = AdminJson.mapper();

    public AdminHttpClient(URI base, String token, Duration connectTimeout, Duration responseTimeout) {
        this.base = requireNonNull(base, "base");
        this.authorization = "Bearer " + requireNonNull(token, "token");
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(8)
                        .setMaxConnPerRoute(8)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(responseTimeout))
                                // A pooled connection the engine closed (say it restarted) is checked
                                // before reuse, since a failed call is not retried.
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build())
                .disableAutomaticRetries() // an apply must not be sent twice behind the caller's back
                .disableRedirectHandling()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
    }

    public <T> T get(String path, TypeReference<T> result) {
        return call(ClassicRequestBuilder.get(base.resolve(path)), null, json.constructType(result));
    }

    public <T> T post(String path, Object body, TypeReference<T> result) {
        return call(ClassicRequestBuilder.post(base.resolve(path)), body, json.constructType(result));
    }

    public <T> T post(String path, Object body, Class<T> result) {
        return call(ClassicRequestBuilder.post(base.resolve(path)), body, json.constructType(result));
    }

    public <T> T get(String path, Class<T> result) {
        return call(ClassicRequestBuilder.get(base.resolve(path)), null, json.constructType(result));
    }

    private <T> T call(ClassicRequestBuilder builder, Object body, JavaType result) {
        builder.setHeader(HttpHeaders.AUTHORIZATION, authorization).setHeader(HttpHeaders.ACCEPT, "application/json");
        try {
            if (body != null) {
                builder.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
            }
            ClassicHttpRequest request = builder.build();
            return http.execute(request, response -> {
                byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                int status = response.getCode();
                if (status >= 200 && status < 300) {
                    try {
                        return json.readValue(bytes, result);
                    } catch (IOException e) {
                        throw new ControlException(Kind.INTERNAL, "unreadable answer from " + base + ": " + e.getMessage(), e);
                    }
                }
                throw errorOf(status, bytes);
            });
        } catch (ControlException e) {
            throw e;
        } catch (IOException e) {
            throw new ControlException(Kind.UNAVAILABLE, "cannot reach the admin API at " + base + ": " + e, e);
        }
    }

    /**
     * Posts {@code body} and copies the streamed answer to {@code out}, counting its records;
     * stops (and drops the connection) when {@code progress} says cancelled.
     */
    public ExportResult export(String path, Object body, ExportFormat format, OutputStream out, ExportProgress progress) {
        HttpPost post = new HttpPost(base.resolve(path));
        post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        try {
            post.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
            try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
                int status = response.getCode();
                if (status < 200 || status >= 300) {
                    byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                    throw errorOf(status, bytes);
                }
                ExportCounter counter = new ExportCounter(format);
                byte[] buffer = new byte[64 * 1024];
                long told = 0;
                try (InputStream in = response.getEntity().getContent()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        if (progress.cancelled()) {
                            post.cancel(); // unread rest: the connection is closed, not drained
                            return new ExportResult(counter.records(), true);
                        }
                        out.write(buffer, 0, n);
                        counter.accept(buffer, n);
                        if (counter.records() - told >= 5_000) {
                            told = counter.records();
                            progress.written(told);
                        }
                    }
                }
                progress.written(counter.records());
                return new ExportResult(counter.records(), false);
            }
        } catch (ControlException e) {
            throw e;
        } catch (IOException e) {
            throw new ControlException(Kind.UNAVAILABLE, "export from " + base + " failed: " + e, e);
        }
    }

    private ControlException errorOf(int status, byte[] bytes) {
        try {
            return json.readValue(bytes, ErrorBody.class).toException(status);
        } catch (IOException notOurs) {
            // A proxy or another server answered: keep what it said.
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            return new ControlException(Kind.ofHttpStatus(status), "HTTP " + status + " from " + base
                    + (text.isBlank() ? "" : ": " + text.substring(0, Math.min(200, text.length()))));
        }
    }

    @Override
    public void close() {
        http.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }
}
