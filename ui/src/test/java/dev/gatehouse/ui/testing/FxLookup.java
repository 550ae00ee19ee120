package dev.gatehouse.ui.testing;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Finding the console's nodes in TestFX tests: by id (ids hold ':' and '/', which CSS selectors would need escaped). */
public final class FxLookup {

    private FxLookup() {
    }

    public static Predicate<Node> id(String id) {
        return node -> id.equals(node.getId());
    }

    /** The text of the labeled node found by {@code query}, or "" while there is none. */
    public static String label(FxRobot robot, Predicate<Node> query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }

    /** Waits (up to 10 s, letting the FX thread work) until {@code query} finds a node. */
    public static void awaitNode(FxRobot robot, Predicate<Node> query) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(query).tryQuery().isPresent();
        });
    }
}
