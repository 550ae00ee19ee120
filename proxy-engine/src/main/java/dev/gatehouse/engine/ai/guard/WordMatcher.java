package dev.gatehouse.engine.ai.guard;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finds every occurrence of a fixed set of words in a text in one pass (an Aho–Corasick
 * automaton), built once per config snapshot and shared by all event loops.
 *
 * <p>Text is read as UTF-16 chars, the unit of Java strings, so match offsets are plain
 * {@code substring} indices and Chinese (BMP) text costs nothing extra. A word that is a
 * supplementary character (a surrogate pair) matches only whole pairs, because a well-formed
 * word cannot begin or end halfway through one. Matching ignores case for ASCII letters only:
 * folding all of Unicode would make {@code ß}, Turkish dotted I and friends match surprising
 * things, and the word lists this serves are mostly CJK, which has no case.
 *
 * <p>Scanning is linear in the text length plus the number of matches reported. The instance
 * is immutable: all state lives in final arrays written only by the constructor.
 */
public final class WordMatcher {

    static final int ROOT = 0;
    static final int NONE = -1;

    private final String[] words;
    // The trie's edges, per node sorted by char: node n owns [edgeStart[n], edgeStart[n + 1]).
    private final int[] edgeStart;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] fail;
    private final int[] depth;
    /** The word ending exactly at a node, or NONE. */
    private final int[] wordAt;
    /** The deepest proper suffix node that ends a word, or NONE: the chain of shorter hits. */
    private final int[] outLink;
    /** Length of the longest text suffix at this state that some word could still extend. */
    private final int[] holdDepth;
    private final int maxWordLength;

    private WordMatcher(TrieBuilder trie) {
        this.words = trie.words();
        this.edgeStart = trie.edgeStart();
        this.edgeChar = trie.edgeChar();
        this.edgeTarget = trie.edgeTarget();
        this.depth = trie.depth();
        this.wordAt = trie.wordAt();
        int nodes = depth.length;
        this.fail = new int[nodes];
        this.outLink = new int[nodes];
        this.holdDepth = new int[nodes];
        this.maxWordLength = trie.maxWordLength();
        linkSuffixes();
    }

    /**
     * Builds the automaton for {@code words}. Words equal after ASCII case folding are kept
     * once, with the first spelling; that spelling is what matches report.
     *
     * @throws IllegalArgumentException if a word is empty
     */
    public static WordMatcher of(Collection<String> words) {
        requireNonNull(words, "words");
        TrieBuilder trie = new TrieBuilder();
        for (String word : words) {
            trie.add(requireNonNull(word, "word"));
        }
        return new WordMatcher(trie.freeze());
    }

    /** Every occurrence, overlapping ones included, ordered by end; at one end, longest first. */
    public List<WordMatch> findAll(CharSequence text) {
        List<WordMatch> matches = new ArrayList<>();
        int state = ROOT;
        for (int i = 0; i < text.length(); i++) {
            state = next(state, text.charAt(i));
            for (int hit = longestHit(state); hit != NONE; hit = outLink[hit]) {
                matches.add(matchEndingAt(hit, i + 1));
            }
        }
        return matches;
    }

    /** The occurrence that ends first (the longest one at that end), without scanning further. */
    public Optional<WordMatch> findFirst(CharSequence text) {
        int state = ROOT;
        for (int i = 0; i < text.length(); i++) {
            state = next(state, text.charAt(i));
            int hit = longestHit(state);
            if (hit != NONE) {
                return Optional.of(matchEndingAt(hit, i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The text with every occurrence replaced by one {@code *} per code point: exactly what a
     * {@link GuardMode#MASK} stream carrying this text delivers, however it is split.
     */
    public String mask(CharSequence text) {
        StreamingScanner scanner = newScanner(GuardMode.MASK);
        String head = scanner.feed(text).text();
        return head + scanner.flush();
    }

    /** A scanner for one stream; it is not thread-safe, the matcher is. */
    public StreamingScanner newScanner(GuardMode mode) {
        return new StreamingScanner(this, mode);
    }

    /** The length in chars of the longest word; 0 when there are no words. */
    public int maxWordLength() {
        return maxWordLength;
    }

    /** True when there are no words, so nothing can ever match. */
    public boolean isEmpty() {
        return words.length == 0;
    }

    /** The state after reading {@code c}; amortised O(1) over a text. */
    int next(int state, char c) {
        char folded = TrieBuilder.fold(c);
        while (true) {
            int target = edge(state, folded);
            if (target != NONE) {
                return target;
            }
            if (state == ROOT) {
                return ROOT;
            }
            state = fail[state];
        }
    }

    /** The node of the longest word ending at this state, or NONE. */
    int longestHit(int state) {
        return wordAt[state] != NONE ? state : outLink[state];
    }

    int depth(int node) {
        return depth[node];
    }

    int holdDepth(int state) {
        return holdDepth[state];
    }

    WordMatch matchEndingAt(int hitNode, int end) {
        return new WordMatch(end - depth[hitNode], end, words[wordAt[hitNode]]);
    }

    private int edge(int node, char c) {
        int low = edgeStart[node];
        int high = edgeStart[node + 1] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            char at = edgeChar[mid];
            if (at < c) {
                low = mid + 1;
            } else if (at > c) {
                high = mid - 1;
            } else {
                return edgeTarget[mid];
            }
        }
        return NONE;
    }

    /** Breadth-first, so every node's failure target (which is shallower) is done before it. */
    private void linkSuffixes() {
        int[] queue = new int[depth.length];
        int head = 0;
        int tail = 0;
        fail[ROOT] = ROOT;
        outLink[ROOT] = NONE;
        queue[tail++] = ROOT;
        while (head < tail) {
            int node = queue[head++];
            for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                int child = edgeTarget[e];
                fail[child] = node == ROOT ? ROOT : next(fail[node], edgeChar[e]);
                int suffix = fail[child];
                outLink[child] = wordAt[suffix] != NONE ? suffix : outLink[suffix];
                holdDepth[child] = edgeStart[child] < edgeStart[child + 1] ? depth[child] : holdDepth[suffix];
                queue[tail++] = child;
            }
        }
    }
}
