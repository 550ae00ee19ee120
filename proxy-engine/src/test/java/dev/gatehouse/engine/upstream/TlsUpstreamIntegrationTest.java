package dev.gatehouse.engine.upstream;

import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.testing.Gateways;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS to upstreams: a private CA from {@code caFile} is trusted; without it the unknown certificate is refused. */
class TlsUpstreamIntegrationTest {

    @TempDir
    static Path dir;

    private static EventLoopGroup group;
    private static Channel origin;
    private static Path caFile;

    @BeforeAll
    static void startHttpsOrigin() throws Exception {
        Path keystore = dir.resolve("origin.p12");
        caFile = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "origin", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=gatehouse-test-origin", "-ext", "san=ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "origin", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", caFile.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SslContext tls = SslContextBuilder.forServer(keys).build();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        origin = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()), new HttpServerCodec(),
                                new HttpObjectAggregator(65536), new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        byte[] body = ("secure hello, host " + request.headers().get(HttpHeaderNames.HOST))
                                                .getBytes(StandardCharsets.UTF_8);
                                        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                                HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
                                        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                                        ctx.writeAndFlush(response);
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    private static void keytool(String... args) throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> command = new java.util.ArrayList<>(List.of(java.resolveSibling("keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @AfterAll
    static void stop() {
        origin.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static HttpResponse<String> through(EndpointConfig endpoint) throws Exception {
        PoolConfig pool = Gateways.pool("secure").withEndpoints(List.of(endpoint));
        try (GatewayEngine engine = GatewayEngine.start(Gateways.oneRoute(pool))) {
            URI uri = URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/hello");
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void upstreamSignedByTheConfiguredCaIsReachedOverTls() throws Exception {
        int port = ((java.net.InetSocketAddress) origin.localAddress()).getPort();
        HttpResponse<String> response = through(new EndpointConfig("127.0.0.1", port, null, null, true, caFile.toString()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("secure hello, host 127.0.0.1:" + port);
    }

    @Test
    void upstreamWithAnUntrustedCertificateIsRefused() throws Exception {
        int port = ((java.net.InetSocketAddress) origin.localAddress()).getPort();
        HttpResponse<String> response = through(new EndpointConfig("127.0.0.1", port, null, null, true, null));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).doesNotContain("secure hello");
    }
}
