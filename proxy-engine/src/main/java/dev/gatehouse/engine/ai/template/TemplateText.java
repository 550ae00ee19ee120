package dev.gatehouse.engine.ai.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template split once, at config load, into literal text and variable names, so a request
 * only concatenates. Values are inserted verbatim and never expanded again: a header value
 * containing {@code {{x}}} stays literal text.
 */
final class TemplateText {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    /** Alternating: literal, name, literal, name, ..., literal. */
    private final List<String> parts;

    TemplateText(String text) {
        List<String> parts = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        int literalStart = 0;
        while (m.find()) {
            parts.add(text.substring(literalStart, m.start()));
            parts.add(m.group(1));
            literalStart = m.end();
        }
        parts.add(text.substring(literalStart));
        this.parts = List.copyOf(parts);
    }

    /** The filled text, or the names {@code lookup} had no value for (null), in template order. */
    Rendering render(Function<String, String> lookup) {
        StringBuilder out = new StringBuilder();
        Set<String> missing = new LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
                continue;
            }
            String value = lookup.apply(parts.get(i));
            if (value == null) {
                missing.add(parts.get(i));
            } else {
                out.append(value);
            }
        }
        return new Rendering(out.toString(), List.copyOf(missing));
    }

    record Rendering(String text, List<String> missing) {
    }
}
