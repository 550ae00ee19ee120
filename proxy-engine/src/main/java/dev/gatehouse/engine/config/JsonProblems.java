package dev.gatehouse.engine.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions into {@link ConfigError}s worded for the person editing the file. */
final class JsonProblems {

    private static final Pattern SOURCE_IN_LOCATION = Pattern.compile("\\[Source: [^;]*; ");

    private JsonProblems() {
    }

    static ConfigError syntax(JacksonException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        // Jackson names the input source inside nested locations; for a config it is noise.
        String message = SOURCE_IN_LOCATION.matcher(e.getOriginalMessage()).replaceAll("[");
        return ConfigError.ofDocument(where + message);
    }

    static ConfigError mapping(JacksonException e, JsonNode root) {
        if (e instanceof JsonMappingException m) {
            List<JsonMappingException.Reference> refs = m.getPath();
            String path = render(refs);
            JsonNode value = locate(root, refs);
            return new ConfigError(path, message(m, value));
        }
        if (e instanceof InputCoercionException c && c.getProcessor() instanceof JsonParser p) {
            // Number overflow is raised by the parser, not the mapper, so it carries no path;
            // the parser's context still knows where it was.
            return new ConfigError(render(p.getParsingContext()), "out of range, got " + numberText(p));
        }
        return syntax(e);
    }

    private static String message(JsonMappingException e, JsonNode value) {
        if (e.getCause() instanceof InputCoercionException && value != null) {
            return "out of range, got " + describe(value);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field (known: " + knownFields(u) + ")";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return String.valueOf(v.getCause().getMessage());
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            String got = value == null || value.isMissingNode() ? "" : ", got " + describe(value);
            return "expected " + expectation(mi.getTargetType()) + got;
        }
        return e.getOriginalMessage();
    }

    private static String knownFields(UnrecognizedPropertyException u) {
        Class<?> type = u.getReferringClass();
        if (type != null && type.isRecord()) {
            // Declaration order reads better than Jackson's set order.
            return Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.joining(", "));
        }
        Collection<Object> known = u.getKnownPropertyIds();
        return known == null ? "" : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expectation(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return DurationText.DESCRIPTION;
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** How a JSON value is quoted back to the user: strings in quotes, containers by kind. */
    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.toString();
    }

    private static String render(List<JsonMappingException.Reference> refs) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                appendField(path, ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String render(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            } else if (c.getCurrentName() != null) {
                appendField(path, c.getCurrentName());
            }
        }
        return path.toString();
    }

    private static void appendField(StringBuilder path, String name) {
        if (!path.isEmpty()) {
            path.append('.');
        }
        path.append(name);
    }

    private static JsonNode locate(JsonNode root, List<JsonMappingException.Reference> refs) {
        JsonNode node = root;
        for (JsonMappingException.Reference ref : refs) {
            if (node == null) {
                return null;
            }
            node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
        }
        return node;
    }

    private static String numberText(JsonParser p) {
        try {
            return p.getText();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
