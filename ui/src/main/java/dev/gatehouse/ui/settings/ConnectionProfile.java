package dev.gatehouse.ui.settings;

import java.net.URI;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * An engine the console can manage: {@link #EMBEDDED} (the one in this process) or a remote one
 * by the URL of its admin API and its bearer token.
 */
public record ConnectionProfile(String name, URI adminUrl, String token) {

    public static final String EMBEDDED_NAME = "Embedded";
    public static final ConnectionProfile EMBEDDED = new ConnectionProfile(EMBEDDED_NAME, null, null);

    public ConnectionProfile {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        if ((adminUrl == null) != (token == null)) {
            throw new IllegalArgumentException("a remote profile needs both an admin URL and a token");
        }
        if (adminUrl != null) {
            String scheme = adminUrl.getScheme() == null ? "" : adminUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || adminUrl.getHost() == null) {
                throw new IllegalArgumentException("the admin URL must look like http://HOST:PORT, not \"" + adminUrl + "\"");
            }
            if (token.isBlank()) {
                throw new IllegalArgumentException("a remote profile needs the engine's admin token");
            }
        }
    }

    /** A remote engine; {@code url} and {@code token} as the user typed them (trimmed). */
    public static ConnectionProfile remote(String name, String url, String token) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the admin URL must look like http://HOST:PORT, not \"" + url.trim() + "\"");
        }
        return new ConnectionProfile(name.trim(), uri, token.trim());
    }

    public boolean embedded() {
        return adminUrl == null;
    }

    /** How the profile is listed: its name and where it points. */
    public String describe() {
        return embedded() ? name + " (this process)" : name + " (" + adminUrl + ")";
    }

    @Override
    public String toString() {
        return describe(); // never the token
    }
}
