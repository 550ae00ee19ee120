package dev.gatehouse.engine.ai.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects words into a trie with hash-map edges, then freezes it into the sorted arrays
 * {@link WordMatcher} searches; the maps exist only while a config snapshot is being built.
 */
final class TrieBuilder {

    private final List<Map<Character, Integer>> children = new ArrayList<>();
    private final List<Integer> depths = new ArrayList<>();
    private final Map<Integer, Integer> wordAtNode = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int maxWordLength;

    private int[] edgeStart;
    private char[] edgeChar;
    private int[] edgeTarget;

    TrieBuilder() {
        newNode(0);
    }

    static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    void add(String word) {
        if (word.isEmpty()) {
            throw new IllegalArgumentException("guard words must not be empty");
        }
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            folded.append(fold(word.charAt(i)));
        }
        if (!seen.add(folded.toString())) {
            return;
        }
        int node = WordMatcher.ROOT;
        for (int i = 0; i < folded.length(); i++) {
            int parent = node;
            node = children.get(parent).computeIfAbsent(folded.charAt(i), c -> newNode(depths.get(parent) + 1));
        }
        wordAtNode.put(node, words.size());
        words.add(word);
        maxWordLength = Math.max(maxWordLength, word.length());
    }

    TrieBuilder freeze() {
        int nodes = children.size();
        int edges = nodes - 1;
        edgeStart = new int[nodes + 1];
        edgeChar = new char[edges];
        edgeTarget = new int[edges];
        int e = 0;
        for (int node = 0; node < nodes; node++) {
            edgeStart[node] = e;
            List<Map.Entry<Character, Integer>> sorted = new ArrayList<>(children.get(node).entrySet());
            sorted.sort(Map.Entry.comparingByKey());
            for (Map.Entry<Character, Integer> edge : sorted) {
                edgeChar[e] = edge.getKey();
                edgeTarget[e] = edge.getValue();
                e++;
            }
        }
        edgeStart[nodes] = e;
        return this;
    }

    String[] words() {
        return words.toArray(String[]::new);
    }

    int[] edgeStart() {
        return edgeStart;
    }

    char[] edgeChar() {
        return edgeChar;
    }

    int[] edgeTarget() {
        return edgeTarget;
    }

    int[] depth() {
        return depths.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] wordAt() {
        int[] wordAt = new int[children.size()];
        Arrays.fill(wordAt, WordMatcher.NONE);
        wordAtNode.forEach((node, word) -> wordAt[node] = word);
        return wordAt;
    }

    int maxWordLength() {
        return maxWordLength;
    }

    private int newNode(int depth) {
        children.add(new HashMap<>(2));
        depths.add(depth);
        return children.size() - 1;
    }
}
