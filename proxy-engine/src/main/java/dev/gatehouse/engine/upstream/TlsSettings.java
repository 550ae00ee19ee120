package dev.gatehouse.engine.upstream;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.SSLException;
import java.io.File;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTPS to an upstream: the JVM's trusted CAs, or only those in a PEM file. Client contexts are
 * expensive to build and safe to share, so there is one per CA file for the whole engine,
 * built when a config is applied rather than on a request's way.
 */
public record TlsSettings(String caFile) {

    private static final Map<String, SslContext> CONTEXTS = new ConcurrentHashMap<>();
    private static final String JVM_TRUST = "";

    public TlsSettings {
        context(caFile);
    }

    public SslContext context() {
        return context(caFile);
    }

    private static SslContext context(String caFile) {
        return CONTEXTS.computeIfAbsent(Objects.requireNonNullElse(caFile, JVM_TRUST), file -> {
            try {
                SslContextBuilder builder = SslContextBuilder.forClient();
                if (!file.isEmpty()) {
                    builder.trustManager(new File(file));
                }
                return builder.build();
            } catch (SSLException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot use the CA certificates in " + file + ": " + e.getMessage(), e);
            }
        });
    }
}
