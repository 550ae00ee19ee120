package dev.gatehouse.engine.ai.usage;

/**
 * The gateway's one rule for guessing a token count from text, when the upstream reports none.
 *
 * <p>The rule, by Unicode code point: a CJK ideograph, kana, Hangul syllable or CJK/fullwidth
 * punctuation counts one token (BPE vocabularies of GPT-class and Llama/Qwen models spend about one
 * token per such character); every other code point counts a quarter, rounded up over the whole
 * text (OpenAI's rule of thumb of ~4 characters of English per token). It is a cheap, deterministic
 * estimate, not a tokenizer: expect ±25% on English prose and worse on code or rare scripts.
 *
 * <p>Instances accumulate, so a streamed text can be counted delta by delta without keeping it:
 * since the rule counts each code point independently, adding pieces gives the same count as
 * estimating their concatenation (a surrogate pair split across two pieces counts as two
 * non-CJK characters, which stays within the rule's precision). Not thread-safe.
 */
public final class TokenEstimator {

    private long cjk;
    private long other;

    /** The estimated token count of {@code text}; 0 for null or empty. */
    public static long estimate(CharSequence text) {
        return new TokenEstimator().add(text).tokens();
    }

    /** Counts {@code text} (null counts nothing) and returns this estimator. */
    public TokenEstimator add(CharSequence text) {
        if (text == null) {
            return this;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (isCjk(codePoint)) {
                cjk++;
            } else {
                other++;
            }
            i += Character.charCount(codePoint);
        }
        return this;
    }

    /** The estimated tokens of all text added so far. */
    public long tokens() {
        return cjk + (other + 3) / 4;
    }

    static boolean isCjk(int codePoint) {
        if (codePoint < 0x2E80) {
            // Below the first CJK block: skip the script lookup for ASCII and Latin text.
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
