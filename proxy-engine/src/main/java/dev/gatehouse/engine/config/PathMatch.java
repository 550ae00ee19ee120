package dev.gatehouse.engine.config;

/** How a route matches the request path: exactly, by prefix, or by a regular expression. */
public record PathMatch(Kind kind, String value) {

    public enum Kind { EXACT, PREFIX, REGEX }

    public static PathMatch prefix(String value) {
        return new PathMatch(Kind.PREFIX, value);
    }

    public static PathMatch exact(String value) {
        return new PathMatch(Kind.EXACT, value);
    }

    public static PathMatch regex(String value) {
        return new PathMatch(Kind.REGEX, value);
    }
}
