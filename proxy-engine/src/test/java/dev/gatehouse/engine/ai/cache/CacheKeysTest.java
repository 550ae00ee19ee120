package dev.gatehouse.engine.ai.cache;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CacheKeysTest {

    private static final String REQUEST = """
            {"model":"qwen-72b","messages":[{"role":"user","content":"What is a token?"}],"temperature":0}""";

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheKey() {
        String reordered = """
                {
                  "temperature": 0,
                  "messages": [ { "content": "What is a token?", "role": "user" } ],
                  "model": "qwen-72b"
                }""";

        assertThat(key(reordered, "alice", "chat")).isEqualTo(key(REQUEST, "alice", "chat"));
    }

    @Test
    void streamingAndUserFieldsDoNotChangeTheKey() {
        String streamed = """
                {"stream":true,"stream_options":{"include_usage":true},"user":"u-17",
                 "model":"qwen-72b","messages":[{"role":"user","content":"What is a token?"}],"temperature":0}""";

        assertThat(key(streamed, "alice", "chat")).isEqualTo(key(REQUEST, "alice", "chat"));
    }

    @Test
    void contentConsumerAndRouteDoChangeIt() {
        String base = key(REQUEST, "alice", "chat");

        assertThat(key(REQUEST.replace("token", "Token"), "alice", "chat")).isNotEqualTo(base);
        assertThat(key(REQUEST.replace("\"temperature\":0", "\"temperature\":1"), "alice", "chat")).isNotEqualTo(base);
        // The order of messages matters: arrays are not sorted.
        assertThat(key("{\"a\":[1,2]}", "alice", "chat")).isNotEqualTo(key("{\"a\":[2,1]}", "alice", "chat"));
        assertThat(key(REQUEST, "bob", "chat")).isNotEqualTo(base);
        assertThat(key(REQUEST, null, "chat")).isNotEqualTo(base).isNotEqualTo(key(REQUEST, "anonymous", "chat"));
        assertThat(key(REQUEST, "alice", "chat-b")).isNotEqualTo(base);
    }

    @Test
    void aNestedUserFieldIsPartOfTheContent() {
        assertThat(key("{\"m\":{\"user\":1}}", null, "r")).isNotEqualTo(key("{\"m\":{}}", null, "r"));
    }

    @Test
    void bodiesThatAreNotJsonObjectsHaveNoKey() {
        assertThat(CacheKeys.of("not json".getBytes(StandardCharsets.UTF_8), "alice", "chat")).isEmpty();
        assertThat(CacheKeys.of("[1]".getBytes(StandardCharsets.UTF_8), "alice", "chat")).isEmpty();
        assertThat(CacheKeys.of(new byte[0], "alice", "chat")).isEmpty();
    }

    private static String key(String body, String consumer, String route) {
        return CacheKeys.of(body.getBytes(StandardCharsets.UTF_8), consumer, route).orElseThrow();
    }
}
