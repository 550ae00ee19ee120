package dev.gatehouse.engine.discovery;

import dev.gatehouse.engine.cloud.HostEndpoint;

import java.io.IOException;
import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The wizard's test request to a host endpoint: {@code GET /v1/models} straight to {@code ip:port},
 * as the gateway will reach it. Blocking; run it off the FX thread.
 */
public final class HostEndpointCheck {

    /** What the test request found: an HTTP status (0 when none came) and, if it failed, why. */
    public record Result(HostEndpoint endpoint, int status, Duration took, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    private HostEndpointCheck() {
    }

    public static Result check(HostEndpoint endpoint, Duration timeout) {
        String url = endpoint.schema().toLowerCase(java.util.Locale.ROOT) + "://" + endpoint.address() + "/v1/models";
        Timeout limit = Timeout.of(timeout);
        long start = System.nanoTime();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
                .disableAutomaticRetries().build()) {
            int status = client.execute(ClassicRequestBuilder.get(url).build(), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Result(endpoint, status, took, status < 400 ? null : url + " answered HTTP " + status);
        } catch (IOException e) {
            return new Result(endpoint, 0, Duration.ofNanos(System.nanoTime() - start), "no answer from " + url
                    + " (" + e.getMessage() + "); is the peering ACTIVE and the route to its CIDR in place?");
        }
    }
}
