package dev.gatehouse.ui.shell;

/** Where the window was and which page it showed, restored on the next start. */
public record WindowState(double x, double y, double width, double height, boolean maximized, String page) {

    public static final double MIN_WIDTH = 720;
    public static final double MIN_HEIGHT = 480;
    /** The first start: centered by the caller, a size that fits a 1366x768 laptop. */
    public static final WindowState FIRST_START = new WindowState(Double.NaN, Double.NaN, 1280, 760, false, Pages.ROUTES);

    public WindowState {
        if (!(width >= MIN_WIDTH) || !(height >= MIN_HEIGHT)) {
            throw new IllegalArgumentException("a window of " + width + "x" + height + " is too small");
        }
        if (page == null || page.isBlank()) {
            throw new IllegalArgumentException("a window state names its page");
        }
    }

    /** True when the position is known (not the first start). */
    public boolean placed() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
