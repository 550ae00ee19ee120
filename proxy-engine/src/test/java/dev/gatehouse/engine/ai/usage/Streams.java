package dev.gatehouse.engine.ai.usage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Fixtures shared by the usage tests: a realistic vLLM chat stream, and byte helpers. */
final class Streams {

    static final String MODEL = "Qwen/Qwen2.5-7B-Instruct";

    // As vLLM 0.6+ writes a chat completion stream: a role chunk with empty content, content
    // chunks (one holds two events in one write), a finish chunk, then with include_usage a chunk
    // with no choices and the usage, then [DONE]. Content includes 2- and 3-byte UTF-8 characters.
    static final String ROLE = event("{\"id\":\"chatcmpl-9f2c\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1718000000,\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}");
    static final String BONJOUR = content("Bonjour");
    static final String A_VOUS = content(" à vous");
    static final String NI_HAO = content("，你好");
    static final String FINISH = event("{\"id\":\"chatcmpl-9f2c\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1718000000,\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":{},"
            + "\"logprobs\":null,\"finish_reason\":\"stop\",\"stop_reason\":null}]}");
    static final String USAGE = event("{\"id\":\"chatcmpl-9f2c\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1718000000,\"model\":\"" + MODEL + "\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":21,\"total_tokens\":27,\"completion_tokens\":6}}");
    static final String DONE = "data: [DONE]\n\n";

    /** Estimated output of the content above: 3 CJK characters (incl. the fullwidth comma) + ceil(14 / 4). */
    static final long ESTIMATED_CONTENT_TOKENS = 7;

    private Streams() {
    }

    static String vllmChat(boolean withUsage) {
        return ROLE + BONJOUR + A_VOUS + NI_HAO + FINISH + (withUsage ? USAGE : "") + DONE;
    }

    static String content(String text) {
        return event("{\"id\":\"chatcmpl-9f2c\",\"object\":\"chat.completion.chunk\",\"created\":1718000000,"
                + "\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},"
                + "\"logprobs\":null,\"finish_reason\":null}]}");
    }

    static String event(String json) {
        return "data: " + json + "\n\n";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] concat(List<byte[]> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Every way to cut {@code length} bytes into up to three slices: pairs of cut positions. */
    static List<int[]> cutPairs(int length) {
        List<int[]> cuts = new ArrayList<>();
        for (int first = 0; first <= length; first++) {
            for (int second = first; second <= length; second++) {
                cuts.add(new int[] {first, second});
            }
        }
        return cuts;
    }
}
