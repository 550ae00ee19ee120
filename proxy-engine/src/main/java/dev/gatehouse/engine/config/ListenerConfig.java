package dev.gatehouse.engine.config;

/** An address the gateway accepts client connections on. */
public record ListenerConfig(String name, String host, Integer port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ListenerConfig {
        host = host == null ? DEFAULT_HOST : host;
        port = port == null ? DEFAULT_PORT : port;
        // Unnamed listeners are named by address, so two of them never clash on a made-up name.
        name = name == null ? host + ":" + port : name;
    }

    public static ListenerConfig of(String host, int port) {
        return new ListenerConfig(null, host, port);
    }
}
