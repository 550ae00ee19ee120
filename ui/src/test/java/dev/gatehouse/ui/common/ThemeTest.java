package dev.gatehouse.ui.common;

import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** ControlsFX styles its controls with Modena's color names: the console maps them onto the theme. */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {

    @AfterEach
    void backToLight(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
    }

    /** The fill a region painted with Modena's {@code name} gets under {@code theme}. */
    private static Paint modenaColor(FxRobot robot, Theme theme, String name) {
        Region region = new Region();
        region.setStyle("-fx-background-color: " + name + ";");
        Paint[] color = new Paint[1];
        robot.interact(() -> {
            theme.apply();
            Scene scene = new Scene(new StackPane(region), 10, 10);
            Theme.style(scene);
            region.applyCss();
            color[0] = region.getBackground().getFills().get(0).getFill();
        });
        return color[0];
    }

    @Test
    void modenasBaseAndAccentFollowTheDarkTheme(FxRobot robot) {
        assertThat(modenaColor(robot, Theme.DARK, "-fx-base")).isEqualTo(Color.web("#0d1117"));
        assertThat(modenaColor(robot, Theme.DARK, "-fx-accent")).isEqualTo(Color.web("#1f6feb"));
    }

    @Test
    void modenasBaseIsLightInTheLightTheme(FxRobot robot) {
        assertThat(modenaColor(robot, Theme.LIGHT, "-fx-base")).isEqualTo(Color.web("#ffffff"));
    }

    @Test
    void anUnknownSavedThemeNameGivesTheLightTheme() {
        assertThat(Theme.parse("sepia")).isEqualTo(Theme.LIGHT);
        assertThat(Theme.parse("dark")).isEqualTo(Theme.DARK);
    }
}
