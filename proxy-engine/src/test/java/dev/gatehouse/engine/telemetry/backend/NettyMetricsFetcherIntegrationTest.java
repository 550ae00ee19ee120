package dev.gatehouse.engine.telemetry.backend;

import dev.gatehouse.engine.testing.MisbehavingOrigin;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Netty fetcher against an origin on loopback that answers well and badly. */
class NettyMetricsFetcherIntegrationTest {

    /** Generous: the first fetch in a cold JVM loads much of Netty. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static MisbehavingOrigin origin;
    private static EventLoopGroup group;
    private static MetricsFetcher fetcher;

    @BeforeAll
    static void start() throws IOException {
        origin = MisbehavingOrigin.start((request, connection) -> {
            switch (request.target()) {
                case "/metrics", "/metrics?format=prometheus" -> connection.respond(200, Pages.read("vllm.txt"));
                case "/gzip" -> {
                    byte[] body = gzip(Pages.read("sglang.txt"));
                    connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n");
                    connection.write(body);
                }
                case "/huge" -> connection.write("HTTP/1.1 200 OK\r\nContent-Length: 900000000\r\n\r\nvllm:x 1\n");
                case "/until-close" -> {
                    connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + Pages.read("vllm-v0.txt"));
                    connection.close();
                }
                case "/hang" -> connection.awaitPeerClose();
                case "/reset" -> connection.reset();
                default -> connection.respond(404, "404 page not found\n");
            }
        });
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        fetcher = MetricsFetcher.http(group, NioSocketChannel.class);
    }

    @AfterAll
    static void stop() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        origin.close();
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + origin.address().getPort() + path);
    }

    private static String fetch(URI url, Duration timeout) throws Exception {
        return fetcher.fetch(url, timeout).get(10, TimeUnit.SECONDS);
    }

    private static String failure(URI url, Duration timeout) {
        CompletableFuture<String> page = fetcher.fetch(url, timeout);
        Throwable[] cause = new Throwable[1];
        assertThatThrownBy(() -> page.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> cause[0] = e.getCause());
        assertThat(cause[0]).isInstanceOf(ScrapeException.class);
        return cause[0].getMessage();
    }

    @Test
    void fetchesThePageAsText() throws Exception {
        assertThat(fetch(url("/metrics"), TIMEOUT)).isEqualTo(Pages.read("vllm.txt"));
    }

    @Test
    void keepsTheQueryString() throws Exception {
        assertThat(fetch(url("/metrics?format=prometheus"), TIMEOUT)).isEqualTo(Pages.read("vllm.txt"));
    }

    @Test
    void unpacksAGzippedPage() throws Exception {
        assertThat(fetch(url("/gzip"), TIMEOUT)).isEqualTo(Pages.read("sglang.txt"));
    }

    @Test
    void readsABodyThatEndsWhenTheServerCloses() throws Exception {
        assertThat(fetch(url("/until-close"), TIMEOUT)).isEqualTo(Pages.read("vllm-v0.txt"));
    }

    @Test
    void aNon2xxStatusIsAFailureNamingTheStatus() {
        assertThat(failure(url("/nothing-here"), TIMEOUT)).isEqualTo("HTTP 404 Not Found");
    }

    @Test
    void aServerThatNeverAnswersFailsAtTheTimeout() {
        assertThat(failure(url("/hang"), Duration.ofMillis(300))).isEqualTo("no answer within 300 ms");
    }

    @Test
    void aResetConnectionIsAFailure() {
        assertThat(failure(url("/reset"), TIMEOUT)).isNotBlank();
    }

    @Test
    void aPageLargerThanTheLimitIsRefusedWithoutReadingIt() {
        assertThat(failure(url("/huge"), TIMEOUT)).isEqualTo("page larger than " + NettyMetricsFetcher.MAX_PAGE_BYTES + " bytes");
    }

    @Test
    void aClosedPortIsAFailureNamingTheAddress() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThat(failure(URI.create("http://127.0.0.1:" + port + "/metrics"), TIMEOUT))
                .startsWith("cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void onlyHttpUrlsAreFetched() {
        assertThat(failure(URI.create("ftp://127.0.0.1/metrics"), TIMEOUT)).startsWith("not an http(s) URL");
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
