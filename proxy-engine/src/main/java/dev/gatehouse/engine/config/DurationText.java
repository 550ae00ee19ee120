package dev.gatehouse.engine.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in a config file: a whole number and one unit, such as
 * {@code "250ms"}, {@code "10s"}, {@code "5m"}, {@code "1h"}. Formatting picks the largest unit
 * that represents the duration exactly, so {@code parse(format(d))} always equals {@code d}.
 */
public final class DurationText {

    /** Units from largest to smallest; formatting takes the first one that divides exactly. */
    private static final List<Unit> UNITS = List.of(
            new Unit("d", ChronoUnit.DAYS),
            new Unit("h", ChronoUnit.HOURS),
            new Unit("m", ChronoUnit.MINUTES),
            new Unit("s", ChronoUnit.SECONDS),
            new Unit("ms", ChronoUnit.MILLIS),
            new Unit("us", ChronoUnit.MICROS),
            new Unit("ns", ChronoUnit.NANOS));

    private static final Pattern SYNTAX = Pattern.compile("(-?[0-9]{1,19})(d|h|m|s|ms|us|ns)");

    /** What a duration looks like, as told to a user who wrote something else. */
    public static final String DESCRIPTION = "a duration such as \"250ms\", \"10s\", \"5m\" or \"1h\"";

    private DurationText() {
    }

    /** Reads {@code text}, or returns empty when it is not a duration in this notation. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long amount = Long.parseLong(m.group(1));
            ChronoUnit unit = unitOf(m.group(2));
            return Optional.of(Duration.of(amount, unit));
        } catch (NumberFormatException | ArithmeticException overflow) {
            return Optional.empty();
        }
    }

    /** Writes {@code duration} in the largest unit that holds it exactly, e.g. {@code "90s"}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        for (Unit unit : UNITS) {
            Duration size = unit.chrono.getDuration();
            // Duration.dividedBy(Duration) truncates; check exactness by multiplying back.
            long amount = duration.dividedBy(size);
            if (size.multipliedBy(amount).equals(duration)) {
                return amount + unit.suffix;
            }
        }
        throw new AssertionError("every duration is a whole number of nanoseconds");
    }

    private static ChronoUnit unitOf(String suffix) {
        for (Unit unit : UNITS) {
            if (unit.suffix.equals(suffix)) {
                return unit.chrono;
            }
        }
        throw new IllegalArgumentException(suffix);
    }

    private record Unit(String suffix, ChronoUnit chrono) {
    }
}
