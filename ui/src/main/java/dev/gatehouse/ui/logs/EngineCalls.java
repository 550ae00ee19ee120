package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.admin.ControlException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The explorer's calls to the engine: each runs on {@code background} and its answer, or the
 * reason it failed as a sentence for the user, is handed over on {@code fx}. Tests pass
 * {@code Runnable::run} for both and get every answer before the call returns.
 */
final class EngineCalls {

    private final Executor background;
    private final Executor fx;

    EngineCalls(Executor background, Executor fx) {
        this.background = requireNonNull(background, "background");
        this.fx = requireNonNull(fx, "fx");
    }

    <T> void call(Supplier<T> question, Consumer<T> answer, Consumer<String> failure) {
        CompletableFuture.supplyAsync(question, background).whenCompleteAsync((result, error) -> {
            if (error == null) {
                answer.accept(result);
            } else {
                failure.accept(describe(error));
            }
        }, fx);
    }

    void onFx(Runnable action) {
        fx.execute(action);
    }

    static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ControlException || cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
