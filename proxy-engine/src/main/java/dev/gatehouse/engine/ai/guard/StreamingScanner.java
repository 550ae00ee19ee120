package dev.gatehouse.engine.ai.guard;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Scans one stream of text pieces (such as successive SSE {@code delta.content} values of one
 * choice) and catches words split across any number of pieces, because the automaton state
 * carries over from piece to piece. One instance per stream and choice; not thread-safe.
 *
 * <p>In {@link GuardMode#BLOCK} every piece is forwarded unchanged until a word completes, so the
 * caller can pass the upstream bytes through untouched and adds no delay. The price: the first
 * characters of the blocked word may already have reached the client, in earlier pieces.
 *
 * <p>In {@link GuardMode#MASK} text that could still be the beginning of a word is held back
 * until it is certain. This delays output by at most {@code maxWordLength - 1} chars (one more
 * when a piece ends between the two halves of a surrogate pair); {@link #flush()} releases the
 * rest at the end of the stream. Text no word can extend is released at once.
 *
 * <p>Offsets in reported matches count chars from the start of the stream.
 */
public final class StreamingScanner {

    private final WordMatcher matcher;
    private final GuardMode mode;
    private int state = WordMatcher.ROOT;
    /** Stream offset of the next char fed. */
    private int position;
    private WordMatch blockedBy;
    private boolean flushed;

    // MASK only: the chars not yet released, and the masked ranges ({start, end} in stream
    // offsets, ascending and disjoint) that still overlap them.
    private final StringBuilder held = new StringBuilder();
    private int heldStart;
    private final ArrayDeque<int[]> maskedRanges = new ArrayDeque<>();
    private boolean maskedAny;

    StreamingScanner(WordMatcher matcher, GuardMode mode) {
        this.matcher = requireNonNull(matcher, "matcher");
        this.mode = requireNonNull(mode, "mode");
    }

    /**
     * Scans the next piece. Once blocked, the scanner stays blocked and returns the same match.
     *
     * @throws IllegalStateException after {@link #flush()}
     */
    public ScanDecision feed(CharSequence piece) {
        requireNonNull(piece, "piece");
        if (flushed) {
            throw new IllegalStateException("stream already flushed");
        }
        if (blockedBy != null) {
            return ScanDecision.block(blockedBy);
        }
        return mode == GuardMode.BLOCK ? feedBlocking(piece) : ScanDecision.forward(feedMasking(piece));
    }

    /** Ends the stream: the text still held back, masked; always empty in BLOCK mode. */
    public String flush() {
        flushed = true;
        return mode == GuardMode.MASK ? release(position) : "";
    }

    /** What this stream amounts to so far, for the access log. */
    public GuardOutcome outcome() {
        if (blockedBy != null) {
            return GuardOutcome.BLOCK;
        }
        return maskedAny ? GuardOutcome.MASK : GuardOutcome.PASS;
    }

    private ScanDecision feedBlocking(CharSequence piece) {
        for (int i = 0; i < piece.length(); i++) {
            state = matcher.next(state, piece.charAt(i));
            position++;
            int hit = matcher.longestHit(state);
            if (hit != WordMatcher.NONE) {
                blockedBy = matcher.matchEndingAt(hit, position);
                return ScanDecision.block(blockedBy);
            }
        }
        return ScanDecision.forward(piece.toString());
    }

    private String feedMasking(CharSequence piece) {
        held.append(piece);
        for (int i = 0; i < piece.length(); i++) {
            state = matcher.next(state, piece.charAt(i));
            position++;
            int hit = matcher.longestHit(state);
            if (hit != WordMatcher.NONE) {
                // The longest word ending here covers every shorter one ending here.
                markMasked(position - matcher.depth(hit), position);
            }
        }
        int releaseEnd = position - matcher.holdDepth(state);
        if (releaseEnd > heldStart && Character.isHighSurrogate(charAt(releaseEnd - 1))
                && (releaseEnd == position || Character.isLowSurrogate(charAt(releaseEnd)))) {
            // Never split a pair: the halves would go out in two JSON strings, each invalid.
            releaseEnd--;
        }
        return release(releaseEnd);
    }

    private void markMasked(int start, int end) {
        maskedAny = true;
        // Ends only grow, but a longer word can start before ranges marked earlier: swallow them.
        int[] last;
        while ((last = maskedRanges.peekLast()) != null && start <= last[1]) {
            start = Math.min(start, last[0]);
            maskedRanges.removeLast();
        }
        maskedRanges.addLast(new int[] {start, end});
    }

    /** Emits held chars up to stream offset {@code end}, one star per masked code point. */
    private String release(int end) {
        if (end <= heldStart) {
            return "";
        }
        StringBuilder out = new StringBuilder(end - heldStart);
        // Ranges are ascending, so one walk alongside the chars keeps this linear.
        Iterator<int[]> ranges = maskedRanges.iterator();
        int[] range = ranges.hasNext() ? ranges.next() : null;
        boolean afterMaskedHigh = false;
        for (int offset = heldStart; offset < end; offset++) {
            while (range != null && range[1] <= offset) {
                range = ranges.hasNext() ? ranges.next() : null;
            }
            char c = charAt(offset);
            if (range == null || offset < range[0]) {
                out.append(c);
                afterMaskedHigh = false;
            } else {
                if (!(afterMaskedHigh && Character.isLowSurrogate(c))) {
                    out.append('*');
                }
                afterMaskedHigh = Character.isHighSurrogate(c);
            }
        }
        held.delete(0, end - heldStart);
        heldStart = end;
        while (!maskedRanges.isEmpty() && maskedRanges.peekFirst()[1] <= end) {
            maskedRanges.removeFirst();
        }
        return out.toString();
    }

    private char charAt(int offset) {
        return held.charAt(offset - heldStart);
    }
}
