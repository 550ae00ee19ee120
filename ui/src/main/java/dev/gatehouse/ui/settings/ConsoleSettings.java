package dev.gatehouse.ui.settings;

import dev.gatehouse.ui.common.Theme;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What the console remembers between runs besides its window: the theme, the remote profiles and which profile is used. */
public record ConsoleSettings(Theme theme, List<ConnectionProfile> remotes, String activeProfile) {

    public static final ConsoleSettings DEFAULTS = new ConsoleSettings(Theme.LIGHT, List.of(), ConnectionProfile.EMBEDDED_NAME);

    public ConsoleSettings {
        requireNonNull(theme, "theme");
        remotes = List.copyOf(remotes);
        requireNonNull(activeProfile, "activeProfile");
        if (remotes.stream().anyMatch(ConnectionProfile::embedded)) {
            throw new IllegalArgumentException("the embedded profile is always there; only remote ones are stored");
        }
    }
}
