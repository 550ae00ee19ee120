package dev.gatehouse.ui.common;

import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons by their Ikonli literal ({@code fth-activity}), sized for the console. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(String literal) {
        return of(literal, 16);
    }

    public static FontIcon of(String literal, int size) {
        FontIcon icon = new FontIcon(literal);
        icon.setIconSize(size);
        return icon;
    }
}
