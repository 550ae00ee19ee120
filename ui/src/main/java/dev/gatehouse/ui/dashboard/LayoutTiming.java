package dev.gatehouse.ui.dashboard;

import javafx.scene.Scene;

/**
 * Times the CSS and layout pass of each pulse of a scene as {@link DashboardUpdateEvent}s: the
 * other half of an update's cost on the FX thread, after the view model's apply. Records only
 * while a flight recording runs; FX thread only.
 */
final class LayoutTiming {

    private final Runnable start = this::start;
    private final Runnable end = this::end;
    private Scene scene;
    private DashboardUpdateEvent running;

    /** Times {@code value}'s pulses from now on (instead of those of the scene before). */
    void attach(Scene value) {
        detach();
        scene = value;
        scene.addPreLayoutPulseListener(start);
        scene.addPostLayoutPulseListener(end);
    }

    void detach() {
        if (scene != null) {
            scene.removePreLayoutPulseListener(start);
            scene.removePostLayoutPulseListener(end);
            scene = null;
        }
        running = null;
    }

    private void start() {
        DashboardUpdateEvent event = new DashboardUpdateEvent(DashboardUpdateEvent.LAYOUT);
        if (event.start()) {
            running = event;
        }
    }

    private void end() {
        if (running != null) {
            running.finish();
            running = null;
        }
    }
}
