package dev.gatehouse.engine.admin.rest;

import dev.gatehouse.engine.admin.AdminJson;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.MetricsSource;
import dev.gatehouse.engine.server.Transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The admin REST API on its own listener (by default {@code 127.0.0.1:9901}): {@code /admin/...}
 * JSON for every {@link GatewayControl} method and {@code /metrics}, all behind a bearer token.
 * It has its own event loop and its own threads for the blocking control calls, so it answers
 * while the gateway is busy and never stalls the gateway's event loops.
 */
public final class AdminServer implements AutoCloseable {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9901;
    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final EventLoopGroup loop;
    private final ExecutorService blocking;
    private final Channel listener;

    /** A connection on which nothing is read or written for this long is closed (a long export keeps writing). */
    private static final int IDLE_SECONDS = 120;

    private AdminServer(Builder builder) throws InterruptedException {
        Transport transport = Transport.nio();
        this.loop = transport.newGroup(1, "gatehouse-admin-io");
        // Bounded: a flood of admin calls gets 503s instead of piling up threads or memory.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(64),
                new DefaultThreadFactory("gatehouse-admin", true));
        pool.allowCoreThreadTimeOut(true);
        this.blocking = pool;
        AdminResponses responses = new AdminResponses(AdminJson.mapper());
        BearerToken token = new BearerToken(builder.token);
        AdminHandler handler = new AdminHandler(builder.control,
                builder.metrics != null ? builder.metrics : MetricsSource.engineGauges(builder.control), blocking);
        try {
            this.listener = new ServerBootstrap()
                    .group(loop)
                    .channel(transport.serverChannel())
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            // FlowControlHandler holds back requests decoded together (pipelined) while
                            // one is answered: the handler turns auto-read off until its answer is out.
                            // The idle timeout and the token check before the body is collected keep
                            // callers without the token from holding connections and buffers.
                            ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS), new HttpServerCodec(),
                                    new TokenGate(token, responses), new BodyTooLarge(builder.maxBodyBytes, responses),
                                    new FlowControlHandler(), handler);
                        }
                    })
                    .bind(builder.host, builder.port).sync().channel();
        } catch (Exception e) {
            // Also a bind failure, which Netty rethrows undeclared.
            close();
            throw e;
        }
    }

    public static Builder builder(GatewayControl control, String token) {
        return new Builder(control, token);
    }

    /** The address listened on, with the actual port. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdownNow();
    }

    /** Where and how the admin server listens. */
    public static final class Builder {
        private final GatewayControl control;
        private final String token;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private MetricsSource metrics;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder(GatewayControl control, String token) {
            this.control = requireNonNull(control, "control");
            this.token = requireNonNull(token, "token");
        }

        /** Port 0 picks a free port; see {@link AdminServer#address()}. */
        public Builder listen(String newHost, int newPort) {
            this.host = requireNonNull(newHost, "host");
            this.port = newPort;
            return this;
        }

        /** What {@code GET /metrics} serves; a few engine gauges by default. */
        public Builder metrics(MetricsSource source) {
            this.metrics = requireNonNull(source, "source");
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, got " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Binds and starts serving; blocks until bound. */
        public AdminServer start() throws InterruptedException {
            return new AdminServer(this);
        }
    }
}
