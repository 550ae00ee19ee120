package dev.gatehouse.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Produces plausible English-looking completions, one word per "token". The text depends only on
 * the seed it is given, so a simulator answers the same prompt the same way every time.
 */
final class TextGenerator {

    private static final String[] WORDS = {
        "the", "model", "gateway", "request", "token", "stream", "latency", "cluster", "inference",
        "response", "balancer", "endpoint", "throughput", "cache", "pool", "route", "is", "can",
        "will", "should", "serve", "route", "measure", "improve", "reduce", "handle", "scale",
        "quickly", "reliably", "efficiently", "under", "with", "for", "and", "while", "each",
        "every", "a", "an", "this", "that", "large", "small", "fast", "stable", "GPU", "queue",
        "traffic", "prompt", "answer", "context", "window", "batch", "memory", "load", "health",
    };

    private TextGenerator() {
    }

    /** The first {@code count} tokens of the text for {@code seed}; joined they form the content. */
    static List<String> tokens(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> tokens = new ArrayList<>(count);
        int sentenceLeft = 0;
        for (int i = 0; i < count; i++) {
            boolean sentenceStart = sentenceLeft == 0;
            if (sentenceStart) {
                sentenceLeft = 6 + random.nextInt(10);
            }
            String word = WORDS[random.nextInt(WORDS.length)];
            if (sentenceStart) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            sentenceLeft--;
            if (sentenceLeft == 0 || i == count - 1) {
                word += ".";
                sentenceLeft = 0;
            }
            tokens.add(i == 0 ? word : " " + word);
        }
        return tokens;
    }

    /** A default completion length in 20-120 tokens, deterministic for {@code seed}. */
    static int defaultLength(long seed) {
        return 20 + new SplittableRandom(seed ^ 0x5DEECE66DL).nextInt(101);
    }
}
