package dev.gatehouse.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * The console's two looks: AtlantaFX's Primer light and dark over Modena, plus the console's own
 * stylesheet, which also maps Modena's color names (that ControlsFX controls use) onto the theme.
 */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark");

    /** Layout and the Modena bridge, added to every scene; colors come from the theme's variables. */
    public static final String CONSOLE_CSS = Objects.requireNonNull(
            Theme.class.getResource("console.css"), "console.css").toExternalForm();

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Makes this the look of every window; call on the FX thread. */
    public void apply() {
        String stylesheet = this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
        Application.setUserAgentStylesheet(stylesheet);
    }

    /** Adds the console stylesheet to {@code scene} (once). */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(CONSOLE_CSS)) {
            scene.getStylesheets().add(CONSOLE_CSS);
        }
    }

    /** The theme named {@code name}, or {@link #LIGHT} for an unknown or missing name. */
    public static Theme parse(String name) {
        for (Theme theme : values()) {
            if (theme.name().equalsIgnoreCase(name)) {
                return theme;
            }
        }
        return LIGHT;
    }

    @Override
    public String toString() {
        return label;
    }
}
