package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.LogQuery;

import java.util.Arrays;
import java.util.Locale;

/**
 * One filter of the explorer as it appears in a saved query ({@code model=qwen}) and on a chip
 * ("Model: qwen"), and how its text value sets a {@link LogQuery}. Time bounds are not here:
 * {@link LogFilter} keeps them as a {@link TimeRange}.
 */
public enum FilterKey {
    STATUS("status", "Status") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.statusClasses(Arrays.stream(value.split(",")).map(String::trim)
                    .map(c -> number(this, c.toLowerCase(Locale.ROOT).replace("xx", ""))).map(Long::intValue)
                    .toArray(Integer[]::new));
        }

        @Override
        String display(String value) {
            return String.join(", ", Arrays.stream(value.split(",")).map(c -> c.trim() + "xx").toList());
        }
    },
    CODE("code", "Code") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.statusCode((int) number(this, value));
        }
    },
    ROUTE("route", "Route") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.route(value);
        }
    },
    MODEL("model", "Model") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.model(value);
        }
    },
    CONSUMER("consumer", "Consumer") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.consumer(value);
        }
    },
    HOST("host", "Upstream") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.upstreamHost(value);
        }
    },
    TYPE("type", "Response") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.responseType(value);
        }
    },
    CACHE("cache", "Cache") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.cacheStatus(value);
        }
    },
    LIMITED("limited", "Rate-limited") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.rateLimited(yes(this, value));
        }
    },
    FALLBACK("fallback", "Fallback") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.fallback(yes(this, value));
        }
    },
    SLOWER("slower", "Slower than") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.minDurationMillis(number(this, value));
        }

        @Override
        String display(String value) {
            return value + " ms";
        }
    },
    TRACE("trace", "Trace") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.traceId(value);
        }
    },
    REQUEST("request", "Request") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.requestId(value);
        }
    },
    TEXT("q", "Text") {
        @Override
        void apply(LogQuery.Builder query, String value) {
            query.text(value);
        }

        @Override
        String display(String value) {
            return "\u201c" + value + "\u201d";
        }
    };

    private final String code;
    private final String label;

    FilterKey(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The name in a saved query. */
    public String code() {
        return code;
    }

    /** The name on a chip. */
    public String label() {
        return label;
    }

    /** Sets this filter on {@code query}; a value that makes no sense throws with the key's name in the message. */
    abstract void apply(LogQuery.Builder query, String value);

    /** The value as a chip shows it. */
    String display(String value) {
        return value;
    }

    static FilterKey ofCode(String code) {
        for (FilterKey key : values()) {
            if (key.code.equals(code)) {
                return key;
            }
        }
        throw new IllegalArgumentException("\"" + code + "\" is not a log filter");
    }

    private static long number(FilterKey key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.label + ": \"" + value + "\" is not a whole number");
        }
    }

    private static boolean yes(FilterKey key, String value) {
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException(key.label + ": \"" + value + "\" is not yes or no");
        };
    }
}
