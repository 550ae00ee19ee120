package dev.gatehouse.engine.telemetry.backend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PromTextParserTest {

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                arguments("no value", "up", "no value for up"),
                arguments("label set not closed", "up{job=\"a\" 1", "expected ',' or '}'"),
                arguments("label value not closed", "up{job=\"a} 1", "unterminated label value"),
                arguments("unquoted label value", "up{job=a} 1", "expected '\"'"),
                arguments("label without name", "up{=\"a\"} 1", "expected a label name"),
                arguments("label name starting with a digit", "up{1job=\"a\"} 1", "expected a label name"),
                arguments("unknown escape", "up{job=\"a\\tb\"} 1", "invalid escape '\\t'"),
                arguments("duplicate label", "up{a=\"1\",a=\"2\"} 1", "label 'a' given twice"),
                arguments("text value", "up twelve", "invalid value 'twelve'"),
                arguments("Java float suffix", "up 1.5d", "invalid value '1.5d'"),
                arguments("hexadecimal value", "up 0x1F", "invalid value '0x1F'"),
                arguments("comma decimal", "up 1,5", "invalid value '1,5'"),
                arguments("fractional timestamp", "up 1 1700000000.5", "invalid timestamp"),
                arguments("text after timestamp", "up 1 1700000000000 extra", "unexpected text after the timestamp"),
                arguments("metric name with a dash", "my-metric 1", "invalid metric name 'my-metric'"),
                arguments("metric name with a digit first", "1up 1", "invalid metric name '1up'"),
                arguments("value missing after labels", "up{job=\"a\"}", "no value for up"),
                arguments("TYPE without name", "# TYPE", "# TYPE without a valid metric name"),
                arguments("TYPE with unknown type", "# TYPE up meter", "unknown metric type 'meter' for up"),
                arguments("HELP with bad name", "# HELP 9x some help", "# HELP without a valid metric name"),
                arguments("binary garbage", "\u0000\u0001\u00ff\u00fe", "invalid metric name"),
                arguments("HTML", "<html><body>502 Bad Gateway</body></html>", "invalid metric name"),
                arguments("JSON", "{\"error\": \"not found\"}", "invalid metric name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedLines")
    void skipsAndCountsAMalformedLineAndKeepsTheLinesAroundIt(String description, String bad, String reason) {
        Exposition page = PromTextParser.parse("before 1\n" + bad + "\nafter 2\n");

        assertThat(page.samples()).extracting(PromSample::name, PromSample::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("before", 1.0),
                        org.assertj.core.groups.Tuple.tuple("after", 2.0));
        assertThat(page.skippedLines()).isEqualTo(1);
        assertThat(page.problems()).singleElement().asString().startsWith("line 2: ").contains(reason);
    }

    static Stream<Arguments> wellFormedLines() {
        return Stream.of(
                arguments("up 1", "up", Map.of(), 1.0, null),
                arguments("up 1 1700000000000", "up", Map.of(), 1.0, 1_700_000_000_000L),
                arguments("up -3 -5", "up", Map.of(), -3.0, -5L),
                arguments("up NaN", "up", Map.of(), Double.NaN, null),
                arguments("up +Inf", "up", Map.of(), Double.POSITIVE_INFINITY, null),
                arguments("up -Inf", "up", Map.of(), Double.NEGATIVE_INFINITY, null),
                arguments("up 1.5e+09", "up", Map.of(), 1.5e9, null),
                arguments("up .5", "up", Map.of(), 0.5, null),
                arguments("up\t\t7", "up", Map.of(), 7.0, null),
                arguments("  up 7  ", "up", Map.of(), 7.0, null),
                arguments("up{} 2", "up", Map.of(), 2.0, null),
                arguments("up{a=\"x\",} 2", "up", Map.of("a", "x"), 2.0, null),
                arguments("up{ a = \"x\" , b=\"y\" } 2", "up", Map.of("a", "x", "b", "y"), 2.0, null),
                arguments("up{a=\"\"} 2", "up", Map.of("a", ""), 2.0, null),
                arguments("up{a=\"say \\\"hi\\\"\"} 2", "up", Map.of("a", "say \"hi\""), 2.0, null),
                arguments("up{a=\"C:\\\\dir\\\\\"} 2", "up", Map.of("a", "C:\\dir\\"), 2.0, null),
                arguments("up{a=\"two\\nlines\"} 2", "up", Map.of("a", "two\nlines"), 2.0, null),
                arguments("up{a=\"} { , =\"} 2", "up", Map.of("a", "} { , ="), 2.0, null),
                arguments("up{a=\"東京\"} 2", "up", Map.of("a", "東京"), 2.0, null),
                arguments("vllm:num_requests_running{model_name=\"m\"} 3.0", "vllm:num_requests_running",
                        Map.of("model_name", "m"), 3.0, null),
                arguments("up{a=\"x\"} 2 # {trace_id=\"abc\"} 1.0", "up", Map.of("a", "x"), 2.0, null),
                arguments("up 2 1700000000000 # {trace_id=\"abc\"} 1.0", "up", Map.of(), 2.0, 1_700_000_000_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedLines")
    void readsAWellFormedLine(String line, String name, Map<String, String> labels, double value, Long timestamp) {
        Exposition page = PromTextParser.parse(line);

        assertThat(page.skippedLines()).isZero();
        PromSample sample = page.samples().get(0);
        assertThat(sample.name()).isEqualTo(name);
        assertThat(sample.labels()).isEqualTo(labels);
        assertThat(Double.valueOf(sample.value())).isEqualTo(Double.valueOf(value));
        assertThat(sample.timestampMillis()).isEqualTo(timestamp);
    }

    @Test
    void readsCrlfLineEndsBlankLinesAndCommentsAndRemembersTypes() {
        Exposition page = PromTextParser.parse("# HELP a The a.\r\n# TYPE a gauge\r\n\r\n# just a comment\r\n"
                + "a{x=\"1\"} 5\r\n   \r\n# EOF\r\n# TYPE b counter\r\nb_total 6\r\n");

        assertThat(page.samples()).extracting(PromSample::name).containsExactly("a", "b_total");
        assertThat(page.samples().get(0).labels()).containsExactly(Map.entry("x", "1"));
        assertThat(page.types()).containsEntry("a", "gauge").containsEntry("b", "counter");
        assertThat(page.skippedLines()).isZero();
    }

    @Test
    void keepsLabelsInTheOrderWritten() {
        PromSample sample = PromTextParser.parse("m{z=\"1\",a=\"2\",m=\"3\"} 0").samples().get(0);

        assertThat(sample.labels().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void emptyAndNullPagesHaveNoSamples() {
        assertThat(PromTextParser.parse("").samples()).isEmpty();
        assertThat(PromTextParser.parse(null).samples()).isEmpty();
        assertThat(PromTextParser.parse("\n\n\r\n").skippedLines()).isZero();
    }

    @Test
    void aPageOfGarbageCountsEveryLineButKeepsOnlyTheFirstReasons() {
        String garbage = "x{\n".repeat(50);

        Exposition page = PromTextParser.parse(garbage);

        assertThat(page.samples()).isEmpty();
        assertThat(page.skippedLines()).isEqualTo(50);
        assertThat(page.problems()).hasSize(PromTextParser.MAX_PROBLEMS);
    }

    @Test
    void aTruncatedPageKeepsEverythingBeforeTheCut() {
        String page = "a 1\nb 2\nc{job=\"x";

        Exposition read = PromTextParser.parse(page);

        assertThat(read.samples()).extracting(PromSample::name).containsExactly("a", "b");
        assertThat(read.skippedLines()).isEqualTo(1);
    }

    @Test
    void readsEveryLineOfTheRecordedExporterPages() throws Exception {
        for (String file : new String[] {"dcgm-exporter.txt", "vllm.txt", "vllm-v0.txt", "sglang.txt"}) {
            String text = Pages.read(file);
            long sampleLines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();

            Exposition page = PromTextParser.parse(text);

            assertThat(page.skippedLines()).as(file).isZero();
            assertThat(page.samples()).as(file).hasSize((int) sampleLines);
        }
    }
}
