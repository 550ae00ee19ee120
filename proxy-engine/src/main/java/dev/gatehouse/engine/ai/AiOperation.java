package dev.gatehouse.engine.ai;

/**
 * The OpenAI-compatible operations an AI route handles itself; anything else on an AI route is
 * proxied as is. {@link #logName()} is the {@code api} field of the access log.
 */
public enum AiOperation {
    CHAT_COMPLETIONS("/v1/chat/completions", "chat.completions"),
    COMPLETIONS("/v1/completions", "completions"),
    EMBEDDINGS("/v1/embeddings", "embeddings"),
    MODELS("/v1/models", "models");

    private final String path;
    private final String logName;

    AiOperation(String path, String logName) {
        this.path = path;
        this.logName = logName;
    }

    public String path() {
        return path;
    }

    public String logName() {
        return logName;
    }

    /** The operation for a request path (query string already removed), or null. */
    public static AiOperation of(String method, String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        for (AiOperation op : values()) {
            if (op.path.equals(trimmed)) {
                boolean methodFits = op == MODELS ? method.equals("GET") : method.equals("POST");
                return methodFits ? op : null;
            }
        }
        return null;
    }

    /** Whether the response may stream (and so the request's {@code stream} flag matters). */
    public boolean canStream() {
        return this == CHAT_COMPLETIONS || this == COMPLETIONS;
    }
}
