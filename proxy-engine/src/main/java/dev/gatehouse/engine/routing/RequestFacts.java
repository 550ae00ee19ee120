package dev.gatehouse.engine.routing;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the route table may look at in a request. {@code model} is a supplier because reading it
 * means parsing the JSON body: only routes that match on models ever ask for it, at most once.
 */
public final class RequestFacts {

    private final String host;
    private final String path;
    private final String method;
    private final Function<String, String> headers;
    private final Supplier<String> modelSource;
    private String model;
    private boolean modelRead;

    /**
     * @param host    the Host header without port, lower case, or empty
     * @param path    the request path without query string
     * @param headers header lookup by name (case-insensitive), null when absent
     */
    public RequestFacts(String host, String path, String method,
                        Function<String, String> headers, Supplier<String> modelSource) {
        this.host = host;
        this.path = path;
        this.method = method;
        this.headers = headers;
        this.modelSource = modelSource;
    }

    public String host() { return host; }
    public String path() { return path; }
    public String method() { return method; }

    public String header(String name) {
        return headers.apply(name);
    }

    /** The body's {@code model} field, or null when the body is not JSON or has none. */
    public String model() {
        if (!modelRead) {
            model = modelSource.get();
            modelRead = true;
        }
        return model;
    }

    /** Whether the model was needed (and so the body parsed) while matching. */
    public boolean modelWasRead() {
        return modelRead;
    }
}
