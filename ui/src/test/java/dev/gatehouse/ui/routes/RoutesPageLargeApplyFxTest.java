package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.RouteConfig;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static dev.gatehouse.ui.testing.FxLookup.awaitNode;
import static dev.gatehouse.ui.testing.FxLookup.id;
import static dev.gatehouse.ui.testing.FxLookup.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 10,000-route config reviewed and applied through the page against a real engine: the window
 * keeps drawing frames the whole time (the longest gap between two frames is printed, the figure
 * for the note) and the engine ends up running all 10,000 routes.
 */
@ExtendWith(ApplicationExtension.class)
class RoutesPageLargeApplyFxTest {

    private static final int ROUTES = 10_000;

    @TempDir
    static Path dir;
    private EmbeddedEngine gateway;
    private ExecutorService background;
    private RoutesPage page;

    @Start
    void start(Stage stage) throws Exception {
        gateway = new EmbeddedEngine(Configs.twoPools(), dir.resolve(String.valueOf(System.nanoTime())));
        background = Executors.newVirtualThreadPerTaskExecutor();
        page = new RoutesPage(gateway.control, QpsSource.none(), background, Platform::runLater);
        stage.setScene(new Scene((Parent) page.node(), 1200, 800));
        stage.show();
        page.shown();
    }

    @AfterEach
    void stop() {
        Platform.runLater(page::reset);
        background.shutdownNow();
        gateway.close();
    }

    @Test
    void tenThousandRoutesAreAppliedWhileTheWindowKeepsDrawing(FxRobot robot) {
        awaitNode(robot, id("route-node:chat"));
        List<RouteConfig> routes = new ArrayList<>();
        for (int i = 0; i < ROUTES; i++) {
            routes.add(Configs.route("r" + i, i % 2 == 0 ? "qwen" : "bge"));
        }
        robot.interact(() -> page.viewModel().edit("import 10,000 routes", c -> c.withRoutes(routes)));
        FrameGaps gaps = new FrameGaps();
        robot.interact(gaps::start);

        robot.clickOn(id("apply"));
        awaitNode(robot, id("diff-lines"));
        robot.clickOn("Apply");
        await().atMost(Duration.ofSeconds(60)).until(() -> label(robot, id("message")).startsWith("applied as version"));
        robot.interact(gaps::stop);

        assertThat(gateway.control.config().config().routes()).hasSize(ROUTES);
        System.out.printf("10,000-route review and apply: longest gap between frames %d ms over %d frames%n",
                gaps.longestMillis(), gaps.frames());
        assertThat(gaps.frames()).as("the window drew frames during the apply").isGreaterThan(1);
    }

    /** Measures the longest time between two frames the FX thread drew. */
    private static final class FrameGaps extends AnimationTimer {
        private final AtomicLong last = new AtomicLong();
        private final AtomicLong longest = new AtomicLong();
        private final AtomicLong frames = new AtomicLong();

        @Override
        public void handle(long now) {
            long previous = last.getAndSet(now);
            if (previous != 0) {
                longest.accumulateAndGet(now - previous, Math::max);
            }
            frames.incrementAndGet();
        }

        long longestMillis() {
            return longest.get() / 1_000_000;
        }

        long frames() {
            return frames.get();
        }
    }
}
