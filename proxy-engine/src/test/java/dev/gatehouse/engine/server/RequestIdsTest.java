package dev.gatehouse.engine.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void keepsASaneClientRequestIdAndReplacesAnInsaneOne() {
        assertThat(RequestIds.requestId("abc-123")).isEqualTo("abc-123");
        assertThat(RequestIds.requestId("has space")).matches("[0-9a-f]{32}");
        assertThat(RequestIds.requestId("x".repeat(129))).matches("[0-9a-f]{32}");
        assertThat(RequestIds.requestId(null)).matches("[0-9a-f]{32}");
    }

    @Test
    void continuesTheCallersTraceWithANewSpan() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String next = RequestIds.nextTraceparent(incoming);
        assertThat(next).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01");
        assertThat(next.substring(36, 52)).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void startsANewSampledTraceWhenTheCallerSentNoneOrGarbage() {
        for (String incoming : new String[] {null, "garbage",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}) {
            assertThat(RequestIds.nextTraceparent(incoming)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        }
    }
}
