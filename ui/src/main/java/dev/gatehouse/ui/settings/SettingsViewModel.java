package dev.gatehouse.ui.settings;

import dev.gatehouse.ui.common.Theme;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The Settings page's state: the theme, the connection profiles (Embedded first, then remote
 * engines) and which one the console manages, and the form that adds a remote profile. Every
 * change is saved in the background. Call on the FX thread.
 */
public final class SettingsViewModel {

    private final SettingsStore store;
    private final Executor background;
    private final Executor fx;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> activeProfile = new SimpleObjectProperty<>(this, "activeProfile");
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final StringProperty newUrl = new SimpleStringProperty(this, "newUrl", "");
    private final StringProperty newToken = new SimpleStringProperty(this, "newToken", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");
    private final AtomicLong saves = new AtomicLong();

    public SettingsViewModel(SettingsStore store, ConsoleSettings loaded, Executor background, Executor fx) {
        this.store = requireNonNull(store, "store");
        this.background = requireNonNull(background, "background");
        this.fx = requireNonNull(fx, "fx");
        theme.set(loaded.theme());
        profiles.add(ConnectionProfile.EMBEDDED);
        profiles.addAll(loaded.remotes());
        activeProfile.set(profiles.stream().filter(p -> p.name().equals(loaded.activeProfile())).findFirst()
                .orElse(ConnectionProfile.EMBEDDED));
        theme.addListener((obs, old, now) -> save());
        activeProfile.addListener((obs, old, now) -> save());
    }

    /** The directory the settings are saved in (see {@link SettingsStore#directory()}). */
    public Path stateDir() {
        return store.directory();
    }

    /** Adds the remote profile typed in the form; on a mistake says what is wrong in {@link #formErrorProperty()}. */
    public boolean addProfile() {
        ConnectionProfile profile;
        try {
            profile = ConnectionProfile.remote(newName.get(), newUrl.get(), newToken.get());
        } catch (IllegalArgumentException e) {
            formError.set(e.getMessage());
            return false;
        }
        if (profiles.stream().anyMatch(p -> p.name().equalsIgnoreCase(profile.name()))) {
            formError.set("a profile named \"" + profile.name() + "\" exists already");
            return false;
        }
        profiles.add(profile);
        formError.set("");
        newName.set("");
        newUrl.set("");
        newToken.set("");
        save();
        return true;
    }

    /** Removes a remote profile; the console goes back to Embedded if it was the one in use. */
    public void removeProfile(ConnectionProfile profile) {
        if (profile.embedded() || !profiles.remove(profile)) {
            return;
        }
        if (profile.equals(activeProfile.get())) {
            activeProfile.set(ConnectionProfile.EMBEDDED); // saves
        } else {
            save();
        }
    }

    public ConsoleSettings snapshot() {
        return new ConsoleSettings(theme.get(), profiles.stream().filter(p -> !p.embedded()).toList(),
                activeProfile.get().name());
    }

    private void save() {
        ConsoleSettings settings = snapshot();
        long seq = saves.incrementAndGet();
        background.execute(() -> {
            String problem = "";
            synchronized (store) {
                if (seq != saves.get()) {
                    return; // a newer save follows
                }
                try {
                    store.save(settings);
                } catch (IOException e) {
                    problem = "Settings could not be saved: " + e.getMessage();
                }
            }
            String shown = problem;
            fx.execute(() -> saveError.set(shown));
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    /** The engine the console manages; the shell reconnects when it changes. */
    public ObjectProperty<ConnectionProfile> activeProfileProperty() {
        return activeProfile;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newUrlProperty() {
        return newUrl;
    }

    public StringProperty newTokenProperty() {
        return newToken;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }
}
