package dev.gatehouse.ui.routes;

import com.sun.net.httpserver.HttpServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.gatehouse.ui.testing.FxLookup.awaitNode;
import static dev.gatehouse.ui.testing.FxLookup.id;
import static dev.gatehouse.ui.testing.FxLookup.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Routes &amp; Pools page clicked through headless against a real engine on loopback: a new
 * pool with two endpoints attached to a route serves that route once applied, and its endpoints'
 * health shows on the topology; a bad value shows at its field, nothing is applied, and undo clears it.
 */
@ExtendWith(ApplicationExtension.class)
class RoutesPageFxTest {

    @TempDir
    static Path dir;
    private EmbeddedEngine gateway;
    private HttpServer first;
    private HttpServer second;
    private ExecutorService background;
    private RoutesPage page;

    @Start
    void start(Stage stage) throws Exception {
        gateway = new EmbeddedEngine(Configs.twoPools(), dir.resolve(String.valueOf(System.nanoTime())));
        first = EmbeddedEngine.origin("first");
        second = EmbeddedEngine.origin("second");
        background = Executors.newVirtualThreadPerTaskExecutor();
        page = new RoutesPage(gateway.control, QpsSource.fromSnapshots(gateway.control::metrics), background,
                Platform::runLater);
        stage.setScene(new Scene((Parent) page.node(), 1200, 800));
        stage.show();
        page.shown();
    }

    @AfterEach
    void stop() {
        Platform.runLater(page::reset);
        background.shutdownNow();
        gateway.close();
        first.stop(0);
        second.stop(0);
    }

    @Test
    void aNewPoolWithTwoEndpointsAttachedToARouteServesItAfterApply(FxRobot robot) throws Exception {
        awaitNode(robot, id("route-node:chat"));
        robot.clickOn(id("add-pool"));
        awaitNode(robot, id("pool-node:pool-1"));
        for (HttpServer origin : List.of(first, second)) {
            String address = "127.0.0.1:" + origin.getAddress().getPort();
            typeInto(robot, "field:endpoints", address);
            awaitNode(robot, id("endpoint-node:pool-1/" + address));
        }
        // The test's origins answer every path, but checks would take seconds to call them healthy.
        robot.clickOn(id("field:healthCheck.enabled"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !robot.lookup(id("field:healthCheck.enabled")).queryAs(CheckBox.class).isSelected());
        robot.clickOn(id("route-node:chat"));
        awaitNode(robot, id("field:pool"));
        robot.clickOn(id("field:pool"));
        robot.clickOn(node -> node instanceof ListCell<?> cell && "pool-1".equals(cell.getText()));
        await().atMost(Duration.ofSeconds(10)).until(() -> label(robot, id("route-node:chat")).contains("→ pool-1"));

        robot.clickOn(id("apply"));
        awaitNode(robot, id("diff-lines"));
        robot.clickOn("Apply");

        await().atMost(Duration.ofSeconds(10)).until(() -> label(robot, id("message")).startsWith("applied as version"));
        assertThat(List.of(gateway.get("/chat/a"), gateway.get("/chat/b"))).containsExactlyInAnyOrder("200 first", "200 second");
        var firstBox = id("endpoint-node:pool-1/127.0.0.1:" + first.getAddress().getPort());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                robot.lookup(firstBox).tryQuery().map(n -> n.getStyleClass().contains("endpoint-healthy")).orElse(false));
        assertThat(robot.lookup(firstBox).queryLabeled().getText()).contains("w 100").contains("healthy");
    }

    @Test
    void aBadValueShowsAtItsFieldNothingIsAppliedAndUndoClearsIt(FxRobot robot) throws Exception {
        awaitNode(robot, id("endpoint-node:qwen/10.0.0.1:8000"));
        robot.clickOn(id("endpoint-node:qwen/10.0.0.1:8000"));
        typeInto(robot, "field:port", "0");

        await().atMost(Duration.ofSeconds(10)).until(() -> label(robot, id("message:port")).contains("between 1 and 65535"));
        robot.clickOn(id("apply"));
        awaitNode(robot, id("diff-lines"));
        robot.clickOn("Apply");
        await().atMost(Duration.ofSeconds(10)).until(() -> label(robot, id("message")).startsWith("not applied"));
        assertThat(gateway.control.config().version()).isEqualTo(1);

        robot.interact(page::undo);
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup(id("field:port")).tryQuery().isEmpty()
                || !robot.lookup(id("message:port")).queryAs(Label.class).isVisible());
        assertThat(robot.lookup(id("apply")).queryAs(Button.class).isDisabled()).isTrue();
    }

    /**
     * Clicks a form field, waits until it has the focus (on a busy machine the click may land while
     * the form is still being laid out), replaces its text by typing and presses Enter.
     */
    private static void typeInto(FxRobot robot, String field, String text) {
        awaitNode(robot, id(field));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            robot.clickOn(id(field));
            return robot.lookup(id(field)).queryAs(TextField.class).isFocused();
        });
        robot.interact(() -> robot.lookup(id(field)).queryAs(TextField.class).selectAll());
        robot.write(text);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                text.equals(robot.lookup(id(field)).queryAs(TextField.class).getText()));
        robot.type(KeyCode.ENTER);
    }
}
