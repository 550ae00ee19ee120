package dev.gatehouse.ui.shell;

/**
 * Offered on the first run, while the demo environment serves: replaces the demo with an empty
 * config that later starts reopen. Blocks (applies a config, stops simulators); the shell calls
 * it in the background.
 */
@FunctionalInterface
public interface DemoSwitch {

    void useEmptyConfig() throws Exception;
}
