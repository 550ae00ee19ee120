package dev.gatehouse.engine.server;

/**
 * What the client connection's handler knows of the exchange serving its current request,
 * whether proxied as is ({@link ProxyExchange}) or handled as an AI request.
 */
interface ClientExchange {

    void start();

    /** The client's connection can take more bytes again (backpressure released). */
    void clientWritable();

    /** The client went away: stop the upstream work (an LLM generation costs GPU time). */
    void clientClosed();
}
