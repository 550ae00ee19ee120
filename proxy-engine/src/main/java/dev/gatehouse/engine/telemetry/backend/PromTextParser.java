package dev.gatehouse.engine.telemetry.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus text exposition format (0.0.4, and the sample lines of OpenMetrics) as
 * exporters really write it. A backend's metrics page is input we do not control: a malformed
 * line is skipped and counted with its reason, and everything else on the page is still read.
 * Parsing never throws.
 */
public final class PromTextParser {

    /** Reasons kept per page: enough to diagnose an exporter, bounded for a page of garbage. */
    static final int MAX_PROBLEMS = 10;

    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped",
            "unknown", "info", "stateset", "gaugehistogram");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern TIMESTAMP = Pattern.compile("-?\\d{1,18}");

    private PromTextParser() {
    }

    /** Reads every well-formed sample of {@code text}; null reads as an empty page. */
    public static Exposition parse(String text) {
        List<PromSample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int skipped = 0;
        String[] lines = text == null ? new String[0] : text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.charAt(0) == '#') {
                    readComment(line, types);
                } else {
                    samples.add(new LineReader(line).sample());
                }
            } catch (BadLine e) {
                skipped++;
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add("line " + (n + 1) + ": " + e.getMessage());
                }
            }
        }
        return new Exposition(samples, types, skipped, problems);
    }

    /** {@code # TYPE} is remembered, {@code # HELP} checked; any other comment is ignored. */
    private static void readComment(String line, Map<String, String> types) {
        String[] words = line.substring(1).strip().split("[ \t]+", 3);
        boolean type = words[0].equals("TYPE");
        if (!type && !words[0].equals("HELP")) {
            return;
        }
        if (words.length < 2 || !METRIC_NAME.matcher(words[1]).matches()) {
            throw new BadLine("# " + words[0] + " without a valid metric name");
        }
        if (type) {
            String kind = words.length < 3 ? "" : words[2].strip();
            if (!TYPES.contains(kind)) {
                throw new BadLine("unknown metric type '" + kind + "' for " + words[1]);
            }
            types.put(words[1], kind);
        }
    }

    /** Why one line was skipped; never leaves the parser. */
    private static final class BadLine extends RuntimeException {
        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    /** A cursor over one sample line: {@code name{labels} value [timestamp]}. */
    private static final class LineReader {

        private final String line;
        private int at;

        LineReader(String line) {
            this.line = line;
        }

        PromSample sample() {
            String name = word();
            if (!METRIC_NAME.matcher(name).matches()) {
                throw new BadLine("invalid metric name '" + abbreviate(name) + "'");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            skipSpaces();
            if (at < line.length() && line.charAt(at) == '{') {
                at++;
                readLabels(labels);
                skipSpaces();
            }
            if (at >= line.length()) {
                throw new BadLine("no value for " + name);
            }
            double value = value(word());
            skipSpaces();
            Long timestamp = null;
            if (at < line.length() && line.charAt(at) != '#') { // '#' starts an OpenMetrics exemplar
                String text = word();
                if (!TIMESTAMP.matcher(text).matches()) {
                    throw new BadLine("invalid timestamp '" + abbreviate(text) + "'");
                }
                timestamp = Long.parseLong(text);
                skipSpaces();
                if (at < line.length() && line.charAt(at) != '#') {
                    throw new BadLine("unexpected text after the timestamp");
                }
            }
            return new PromSample(name, labels, value, timestamp);
        }

        private void readLabels(Map<String, String> labels) {
            while (true) {
                skipSpaces();
                if (at < line.length() && line.charAt(at) == '}') {
                    at++;
                    return;
                }
                int start = at;
                while (at < line.length() && isLabelChar(line.charAt(at), at == start)) {
                    at++;
                }
                String labelName = line.substring(start, at);
                if (labelName.isEmpty()) {
                    throw new BadLine("expected a label name at column " + (at + 1));
                }
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                if (labels.put(labelName, quoted()) != null) {
                    throw new BadLine("label '" + labelName + "' given twice");
                }
                skipSpaces();
                if (at < line.length() && line.charAt(at) == ',') {
                    at++;
                } else if (at >= line.length() || line.charAt(at) != '}') {
                    throw new BadLine("expected ',' or '}' at column " + (at + 1));
                }
            }
        }

        /** The rest of a label value after its opening quote, unescaped. */
        private String quoted() {
            StringBuilder value = new StringBuilder();
            while (at < line.length()) {
                char c = line.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = at < line.length() ? line.charAt(at++) : '\0';
                switch (escaped) {
                    case '\\' -> value.append('\\');
                    case '"' -> value.append('"');
                    case 'n' -> value.append('\n');
                    default -> throw new BadLine("invalid escape '\\" + escaped + "' in a label value");
                }
            }
            throw new BadLine("unterminated label value");
        }

        private static double value(String text) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "nan":
                    return Double.NaN;
                case "+inf", "inf", "+infinity", "infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    if (!NUMBER.matcher(text).matches()) {
                        throw new BadLine("invalid value '" + abbreviate(text) + "'");
                    }
                    return Double.parseDouble(text);
            }
        }

        /** Characters up to the next space, tab or '{'. */
        private String word() {
            int start = at;
            while (at < line.length() && !isSpace(line.charAt(at)) && line.charAt(at) != '{') {
                at++;
            }
            return line.substring(start, at);
        }

        private void expect(char c) {
            if (at >= line.length() || line.charAt(at) != c) {
                throw new BadLine("expected '" + c + "' at column " + (at + 1));
            }
            at++;
        }

        private void skipSpaces() {
            while (at < line.length() && isSpace(line.charAt(at))) {
                at++;
            }
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t';
        }

        private static boolean isLabelChar(char c, boolean first) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "...";
        }
    }
}
