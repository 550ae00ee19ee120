package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.DurationText;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattens a config record into its leaf fields, path to text ({@code healthCheck.interval} to
 * {@code 10s}), so that two versions of a route or pool can be compared field by field whatever
 * fields the engine adds later. Durations read as in config files; nested records and lists of
 * records are walked; other lists and maps print as one value.
 */
final class ConfigFields {

    private ConfigFields() {
    }

    static Map<String, String> flatten(Object value) {
        Map<String, String> fields = new LinkedHashMap<>();
        walk("", value, fields);
        return fields;
    }

    private static void walk(String path, Object value, Map<String, String> fields) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                walk(join(path, component.getName()), RecordCopy.read(component, record), fields);
            }
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Record) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), fields);
            }
        } else {
            fields.put(path, text(value));
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof Duration duration) {
            return DurationText.format(duration);
        }
        if (value instanceof Map<?, ?> map) {
            return new TreeMap<>(map).toString();
        }
        return value.toString();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
