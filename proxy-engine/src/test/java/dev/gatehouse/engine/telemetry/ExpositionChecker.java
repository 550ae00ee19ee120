package dev.gatehouse.engine.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, failing with the offending line: every
 * line is a HELP, a TYPE or a sample; a family's TYPE comes before its samples, which are
 * contiguous; label values use only the three escapes; a histogram's buckets never decrease and
 * its {@code +Inf} bucket equals its {@code _count}.
 */
final class ExpositionChecker {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ([^\\n]*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)\\})? ([^ ]+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    /** One sample: its name, labels (unescaped) and value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private ExpositionChecker() {
    }

    static List<Sample> parse(String text) {
        if (!text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a newline");
        }
        Map<String, String> types = new HashMap<>();
        Set<String> finished = new HashSet<>();
        String current = null;
        List<Sample> samples = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            if (help.matches()) {
                continue;
            }
            if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    fail("a second TYPE", line);
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                fail("not a sample", line);
            }
            String family = familyOf(sample.group(1), types);
            if (family == null) {
                fail("no TYPE before", line);
            }
            if (!family.equals(current)) {
                if (!finished.add(family)) {
                    fail("the family's samples are not together", line);
                }
                current = family;
            }
            samples.add(new Sample(sample.group(1), labels(sample.group(2), line), value(sample.group(3), line)));
        }
        checkHistograms(samples, types);
        return samples;
    }

    /** The value of the one sample with this name and exactly these labels. */
    static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .mapToDouble(Sample::value).reduce((a, b) -> {
                    throw new AssertionError("two samples " + name + labels);
                }).orElseThrow(() -> new AssertionError("no sample " + name + labels));
    }

    private static String familyOf(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (name.endsWith(suffix)) {
                String family = name.substring(0, name.length() - suffix.length());
                if ("histogram".equals(types.get(family))) {
                    return family;
                }
            }
        }
        return null;
    }

    private static Map<String, String> labels(String text, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!label.find(at) || label.start() != at) {
                fail("bad labels", line);
            }
            String value = label.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            if (labels.put(label.group(1), value) != null) {
                fail("a label twice", line);
            }
            at = label.end();
        }
        return labels;
    }

    private static double value(String text, String line) {
        if (text.equals("+Inf") || text.equals("-Inf") || text.equals("NaN")) {
            return Double.parseDouble(text.replace("Inf", "Infinity"));
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new AssertionError("bad value in: " + line);
        }
    }

    private static void checkHistograms(List<Sample> samples, Map<String, String> types) {
        Map<String, Double> lastBucket = new HashMap<>();
        Map<String, Double> infinite = new HashMap<>();
        for (Sample sample : samples) {
            if (sample.name().endsWith("_bucket")) {
                Map<String, String> own = new LinkedHashMap<>(sample.labels());
                String le = own.remove("le");
                if (le == null) {
                    fail("a bucket without le", sample.toString());
                }
                String series = sample.name() + own;
                Double before = lastBucket.put(series, sample.value());
                if (before != null && before > sample.value()) {
                    fail("buckets decrease", sample.toString());
                }
                if (le.equals("+Inf")) {
                    infinite.put(sample.name().replace("_bucket", "_count") + own, sample.value());
                }
            }
        }
        for (Sample sample : samples) {
            String family = sample.name().replaceFirst("_count$", "");
            if (sample.name().endsWith("_count") && "histogram".equals(types.get(family))) {
                Double inf = infinite.get(sample.name() + sample.labels());
                if (inf == null || inf != sample.value()) {
                    fail("+Inf bucket is not the count", sample.toString());
                }
            }
        }
    }

    private static void fail(String why, String line) {
        throw new AssertionError(why + ": " + line);
    }
}
