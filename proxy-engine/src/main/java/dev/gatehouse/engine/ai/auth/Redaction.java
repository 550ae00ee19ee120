package dev.gatehouse.engine.ai.auth;

/**
 * What may be shown of a key in logs, error bodies and the console: enough to tell two keys apart,
 * never enough to use one.
 */
public final class Redaction {

    /** Keys shorter than this show no characters at all: four of eight would be half the key. */
    private static final int MIN_LENGTH_TO_SHOW_TAIL = 16;

    private Redaction() {
    }

    /** {@code gh-…abcd} for a Gatehouse key, {@code …abcd} for others, {@code …} for short ones. */
    public static String redactKey(String key) {
        if (key == null || key.isEmpty()) {
            return "(none)";
        }
        String prefix = key.startsWith(ApiKeys.PREFIX) ? ApiKeys.PREFIX : "";
        if (key.length() < MIN_LENGTH_TO_SHOW_TAIL) {
            return prefix + "…";
        }
        return prefix + "…" + key.substring(key.length() - 4);
    }
}
