package dev.gatehouse.ui.routes;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs blocking work (engine calls, file I/O) on the background executor and hands its result or
 * failure to the FX executor in one step. Tests pass {@code Runnable::run} for both.
 */
final class Async {

    private final Executor background;
    private final Executor fx;

    Async(Executor background, Executor fx) {
        this.background = requireNonNull(background, "background");
        this.fx = requireNonNull(fx, "fx");
    }

    <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                fx.execute(() -> onFailure.accept(e));
                return;
            }
            fx.execute(() -> onDone.accept(result));
        });
    }

    void fx(Runnable action) {
        fx.execute(action);
    }
}
