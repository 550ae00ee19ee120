package dev.gatehouse.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny checker and reader of the Prometheus text format 0.0.4, enough for the tests. */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)\\})? "
                    + "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?|[+-]Inf|NaN)");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) .+");

    private PrometheusText() {
    }

    /** Asserts every line is a HELP/TYPE comment or a sample of a declared metric; returns samples. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Set<String> typed = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                Matcher comment = COMMENT.matcher(line);
                assertThat(comment.matches()).as("comment line: %s", line).isTrue();
                if (comment.group(1).equals("TYPE")) {
                    typed.add(comment.group(2));
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("sample line: %s", line).isTrue();
            String name = sample.group(1);
            String family = name.replaceFirst("_(bucket|sum|count)$", "");
            assertThat(typed).as("TYPE declared before %s", name).containsAnyOf(name, family);
            String key = sample.group(2) == null ? name : name + sample.group(2);
            samples.put(key, Double.parseDouble(sample.group(4).replace("+Inf", "Infinity")));
        }
        return samples;
    }

    /** The value of the first sample of {@code name} whose labels contain {@code labelPart}. */
    static double value(Map<String, Double> samples, String name, String labelPart) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(labelPart))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + " with " + labelPart));
    }
}
