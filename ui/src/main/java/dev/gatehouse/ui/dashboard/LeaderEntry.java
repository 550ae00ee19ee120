package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.KeyFigures;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** One row of a leader board (by model, consumer or route): requests and tokens since the engine started. */
public record LeaderEntry(String name, long requests, long inputTokens, long outputTokens) {

    public LeaderEntry {
        requireNonNull(name, "name");
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }

    /** The {@code limit} keys with the most requests (ties: most tokens, then by name), most first. */
    public static List<LeaderEntry> top(Map<String, KeyFigures> figures, int limit) {
        return figures.entrySet().stream()
                .map(e -> new LeaderEntry(e.getKey(), e.getValue().requests(), e.getValue().inputTokens(),
                        e.getValue().outputTokens()))
                .sorted(Comparator.comparingLong(LeaderEntry::requests).reversed()
                        .thenComparing(Comparator.comparingLong(LeaderEntry::tokens).reversed())
                        .thenComparing(LeaderEntry::name))
                .limit(limit)
                .toList();
    }
}
