package dev.gatehouse.engine.admin.rest;

import io.netty.handler.codec.http.HttpMethod;

import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * One admin API call: method and path, the type its JSON body is read as ({@code null} for
 * none), and what it does with it. The result is written back as JSON.
 */
public record AdminRoute<A>(HttpMethod method, String path, Class<A> body, Function<A, ?> call) {

    public AdminRoute {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(call, "call");
    }

    /** A call without a body. */
    public static AdminRoute<Void> get(String path, Supplier<?> call) {
        return new AdminRoute<>(HttpMethod.GET, path, null, ignored -> call.get());
    }

    /** A call with a JSON body read as {@code body}. */
    public static <A> AdminRoute<A> post(String path, Class<A> body, Function<A, ?> call) {
        return new AdminRoute<>(HttpMethod.POST, path, requireNonNull(body, "body"), call);
    }

    /** Runs the call on an argument already read as {@link #body()}. */
    Object invoke(Object argument) {
        return call.apply(body == null ? null : body.cast(argument));
    }
}
