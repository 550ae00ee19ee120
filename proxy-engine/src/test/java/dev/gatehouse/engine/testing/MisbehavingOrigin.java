package dev.gatehouse.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 origin on plain blocking sockets and virtual threads that does what real upstreams
 * sometimes do: close or reset a connection instead of answering, stall or stop mid-body, close a
 * keep-alive connection just as a request arrives. Each request on a connection is handed to a
 * {@link Behaviour}; the connection serves the next request if the behaviour left it open.
 */
public final class MisbehavingOrigin implements AutoCloseable {

    /** What the origin does with one request. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(Request request, Connection connection) throws IOException;
    }

    /** A received request; header names in lower case. {@code index} counts requests on its connection from 0. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body, int index) {
    }

    /** One accepted connection, as a behaviour sees it. */
    public static final class Connection {
        private final Socket socket;
        private final int number;

        Connection(Socket socket, int number) {
            this.socket = socket;
            this.number = number;
        }

        /** Counts connections from 0 in the order the origin accepted them. */
        public int number() {
            return number;
        }

        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        public void write(byte[] bytes) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }

        /** A keep-alive 200 (or other status) with a Content-Length body. */
        public void respond(int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 " + status + " X\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                    + "\r\nX-Origin: misbehaving\r\n\r\n");
            write(bytes);
        }

        /** A FIN: the peer reads the end of the stream. */
        public void close() throws IOException {
            socket.close();
        }

        /** An RST: linger zero makes close() abort the connection. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** Blocks until the peer closes its side (or the origin shuts down); for stalling. */
        public void awaitPeerClose() {
            try {
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // Discard: a stalled origin reads nothing the peer might still send.
                }
            } catch (IOException closed) {
                // The peer went away or the origin closed; either ends the stall.
            }
        }

        public boolean isClosed() {
            return socket.isClosed();
        }
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    private MisbehavingOrigin(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("misbehaving-origin-accept").start(this::acceptLoop);
    }

    public static MisbehavingOrigin start(Behaviour behaviour) throws IOException {
        return new MisbehavingOrigin(behaviour);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    public int connectionsAccepted() {
        return connections.get();
    }

    public int requestsReceived() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                int number = connections.getAndIncrement();
                Thread.ofVirtual().name("misbehaving-origin-" + number).start(() -> serve(socket, number));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, int number) {
        Connection connection = new Connection(socket, number);
        try (socket) {
            InputStream in = socket.getInputStream();
            for (int index = 0; !socket.isClosed(); index++) {
                Request request = readRequest(in, index);
                if (request == null) {
                    return;
                }
                requests.incrementAndGet();
                behaviour.serve(request, connection);
            }
        } catch (IOException gone) {
            // The gateway closed the connection: nothing more to serve.
        } finally {
            open.remove(socket);
        }
    }

    private static Request readRequest(InputStream in, int index) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String[] parts = requestLine.split(" ");
        return new Request(parts[0], parts[1], headers, in.readNBytes(length), index);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
