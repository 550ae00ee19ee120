package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.DurationText;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Copies a config record with one component changed, and turns what a user typed into that
 * component's type, so the property form edits any field of a health check, circuit breaker or AI
 * policy without one hand-written setter per field. Text that does not fit says what was expected.
 */
final class RecordCopy {

    private RecordCopy() {
    }

    /** {@code record} with component {@code name} set to {@code value}. */
    static <R extends Record> R with(R record, String name, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            found |= components[i].getName().equals(name);
            values[i] = components[i].getName().equals(name) ? value : read(components[i], record);
        }
        if (!found) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no field " + name);
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            R copy = (R) constructor.newInstance(values);
            return copy;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }

    static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** What {@code text} means as a value of {@code type}; blank means "not set" (null). */
    static Object parse(Class<?> type, String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(value);
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(value);
            }
            if (type == Double.class || type == double.class) {
                return Double.valueOf(value);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a " + (type == Double.class ? "number" : "whole number")
                    + ", got \"" + value + "\"");
        }
        if (type == Duration.class) {
            return DurationText.parse(value).orElseThrow(() ->
                    new IllegalArgumentException("expected " + DurationText.DESCRIPTION + ", got \"" + value + "\""));
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(value);
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(value.replace(' ', '_'))) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("unknown value \"" + value + "\"");
        }
        return value;
    }

    /** How a value shows in a text field: durations as in config files, nothing for null. */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Duration duration) {
            return DurationText.format(duration);
        }
        return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString();
    }
}
