package dev.gatehouse.engine.config;

/** An address the gateway accepts client connections on. */
public record ListenerConfig(String name, String host, Integer port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ListenerConfig {
        name = name == null ? "default" : name;
        host = host == null ? DEFAULT_HOST : host;
        port = port == null ? DEFAULT_PORT : port;
    }

    public static ListenerConfig of(String host, int port) {
        return new ListenerConfig("default", host, port);
    }
}
