package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.FallbackConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RateLimitConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;

/**
 * The selected route, pool or endpoint as a form: every editable setting with the validator's
 * messages under the field they concern, and the item's other messages on top. Each committed input
 * is one undoable edit through the view model. Rebuilt when the selection or the draft changes.
 */
final class PropertyForm extends VBox {

    private static final List<String> AI_FIELDS = List.of("upstreamModel", "requireKey", "retries", "retryBackoff",
            "firstTokenTimeout", "totalTimeout");

    private final RoutesViewModel model;
    private final Label itemMessages = new Label();
    private FormRows rows = new FormRows();
    private ItemRef shown;

    PropertyForm(RoutesViewModel model) {
        this.model = model;
        setSpacing(6);
        setStyle("-fx-padding: 10;");
        itemMessages.setId("item-messages");
        itemMessages.setWrapText(true);
        itemMessages.setStyle("-fx-text-fill: #d0392b;");
        model.selectionProperty().addListener((o, before, after) -> rebuild());
        model.draft().draftProperty().addListener((o, before, after) -> rebuild());
        model.draft().errorsProperty().addListener((o, before, after) -> showMessages());
        rebuild();
    }

    private void rebuild() {
        String focused = getScene() != null && getScene().getFocusOwner() != null
                && getScene().getFocusOwner().getId() != null ? getScene().getFocusOwner().getId() : null;
        rows = new FormRows();
        ItemRef item = model.selectionProperty().get();
        GatewayConfig draft = model.draft().draft();
        shown = item == null ? null : exists(draft, item) ? item : null;
        if (shown == null) {
            getChildren().setAll(new Label("Select a route, pool or endpoint to edit it."));
            return;
        }
        switch (shown.kind()) {
            case ROUTE -> route(RouteEdits.find(draft, shown.name()), draft);
            case POOL -> pool(PoolEdits.find(draft, shown.name()));
            case ENDPOINT -> endpoint(PoolEdits.endpoint(draft, shown.name(), shown.address()));
        }
        getChildren().setAll(itemMessages, rows);
        showMessages();
        if (focused != null && focused.startsWith("field:")) {
            rows.focus(focused.substring("field:".length()));
        }
    }

    private void route(RouteConfig route, GatewayConfig draft) {
        String name = route.name();
        rows.heading("Route " + name);
        rows.text("name", "Name", name, v -> model.renameRoute(name, v));
        rows.choice("pool", "Pool", draft.pools().stream().map(PoolConfig::name).toList(), route.pool(),
                pool -> model.attachRoute(name, pool));
        rows.text("priority", "Priority", String.valueOf(route.priority()), v -> model.edit("set priority of route " + name,
                c -> RouteEdits.setMatch(c, name, (Integer) RecordCopy.parse(Integer.class, v), route.match())));
        PathMatch path = route.match().path();
        rows.text("match.path.value", "Path " + (path == null ? "prefix" : path.kind().name().toLowerCase(Locale.ROOT)),
                path == null ? "" : path.value(), v -> model.edit("set path of route " + name, c ->
                        RouteEdits.setMatch(c, name, route.priority(), withPath(route.match(), path, v))));
        rows.check("ai", "AI route", route.ai() != null,
                on -> model.setRouteAi(name, on ? AiRouteConfig.defaults() : null));
        AiRouteConfig ai = route.ai();
        if (ai == null) {
            return;
        }
        rows.heading("AI policies");
        recordFields("ai", ai, AI_FIELDS, changed -> model.setRouteAi(name, changed));
        rows.text("ai.fallback", "Fallback pools", fallbackText(ai.fallback()),
                v -> model.setRouteAi(name, RecordCopy.with(ai, "fallback", parseFallback(v))));
        RateLimitConfig limits = ai.limits() == null ? new RateLimitConfig(null, null, null, null) : ai.limits();
        recordFields("ai.limits", limits, null, changed -> model.setRouteAi(name, RecordCopy.with(ai, "limits", changed)));
    }

    private void pool(PoolConfig pool) {
        String name = pool.name();
        rows.heading("Pool " + name);
        rows.text("name", "Name", name, v -> model.renamePool(name, v));
        // The pool stays selected, so that several endpoints can be added one after the other.
        rows.text("endpoints", "Add host:port", "", v -> {
            if (model.addEndpoint(name, v)) {
                model.selectionProperty().set(ItemRef.pool(name));
            }
        });
        rows.choice("balancer.strategy", "Balancing", Arrays.asList(BalancerConfig.Strategy.values()),
                pool.balancer().strategy(), s -> model.setBalancer(name, RecordCopy.with(pool.balancer(), "strategy", s)));
        rows.text("balancer.hashOn", "Hash on", pool.balancer().hashOn(),
                v -> model.setBalancer(name, RecordCopy.with(pool.balancer(), "hashOn", v)));
        rows.text("metricsInterval", "Metrics interval", RecordCopy.format(pool.metricsInterval()),
                v -> model.edit("set metrics interval of pool " + name, c -> PoolEdits.update(c, name,
                        p -> p.withMetricsInterval((Duration) RecordCopy.parse(Duration.class, v)))));
        rows.heading("Health check");
        recordFields("healthCheck", pool.healthCheck(), null, check -> model.setHealthCheck(name, check));
        rows.heading("Circuit breaker (outlier detection)");
        recordFields("outlier", pool.outlier(), null, outlier -> model.setCircuitBreaker(name, outlier));
    }

    private void endpoint(EndpointConfig endpoint) {
        ItemRef item = shown;
        rows.heading("Endpoint " + endpoint.address() + " in pool " + item.name());
        rows.text("host", "Host", endpoint.host(), v -> model.updateEndpoint(item, RecordCopy.with(endpoint, "host", v)));
        rows.text("port", "Port", String.valueOf(endpoint.port()), v -> model.updateEndpoint(item,
                RecordCopy.with(endpoint, "port", RecordCopy.parse(Integer.class, v))));
        Slider weight = new Slider(0, 1000, endpoint.weight());
        weight.setShowTickLabels(true);
        weight.setMajorTickUnit(250);
        Label value = new Label(String.valueOf(endpoint.weight()));
        weight.valueProperty().addListener((o, a, b) -> value.setText(String.valueOf(Math.round(b.doubleValue()))));
        // Commit once the user lets go, not at every pixel of the drag: one undo step per change.
        weight.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                model.setWeight(item, (int) Math.round(weight.getValue()));
            }
        });
        // A click on the track or an arrow key moves the thumb without a drag: commit those too
        // (setting the weight it already has is no edit, so nothing is committed twice).
        weight.setOnMouseReleased(e -> model.setWeight(item, (int) Math.round(weight.getValue())));
        weight.setOnKeyReleased(e -> model.setWeight(item, (int) Math.round(weight.getValue())));
        rows.place("weight", "Weight", new VBox(2, weight, value));
        rows.text("metricsUrl", "Metrics URL", RecordCopy.format(endpoint.metricsUrl()),
                v -> model.updateEndpoint(item, RecordCopy.with(endpoint, "metricsUrl", v.isBlank() ? null : v.strip())));
        rows.check("tls", "HTTPS", endpoint.tls(), on -> model.updateEndpoint(item, RecordCopy.with(endpoint, "tls", on)));
    }

    /** A row per component of {@code record} ({@code only} those, or all when null) under {@code prefix}. */
    private <R extends Record> void recordFields(String prefix, R record, List<String> only, Consumer<R> commit) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String name = component.getName();
            if (only != null && !only.contains(name)) {
                continue;
            }
            String field = prefix + "." + name;
            Object value = RecordCopy.read(component, record);
            if (component.getType() == Boolean.class) {
                rows.check(field, words(name), Boolean.TRUE.equals(value), on -> commit.accept(RecordCopy.with(record, name, on)));
            } else {
                rows.text(field, words(name), RecordCopy.format(value), text ->
                        commit.accept(RecordCopy.with(record, name, RecordCopy.parse(component.getType(), text))));
            }
        }
    }

    private void showMessages() {
        if (shown == null) {
            return;
        }
        FieldErrors errors = model.draft().errors();
        List<String> elsewhere = new ArrayList<>();
        errors.byItem().getOrDefault(shown, Map.of()).forEach((field, lines) -> {
            if (!rows.messages().containsKey(field)) {
                lines.forEach(line -> elsewhere.add(field.isEmpty() ? line : field + ": " + line));
            }
        });
        rows.messages().keySet().forEach(field -> rows.show(field, errors.at(shown, field)));
        itemMessages.setText(String.join("\n", elsewhere));
        itemMessages.setVisible(!elsewhere.isEmpty());
        itemMessages.setManaged(!elsewhere.isEmpty());
    }

    Node messageOf(String field) {
        return rows.messages().get(field);
    }

    private static boolean exists(GatewayConfig draft, ItemRef item) {
        try {
            switch (item.kind()) {
                case ROUTE -> RouteEdits.find(draft, item.name());
                case POOL -> PoolEdits.find(draft, item.name());
                case ENDPOINT -> PoolEdits.endpoint(draft, item.name(), item.address());
            }
            return true;
        } catch (IllegalArgumentException gone) {
            return false;
        }
    }

    private static RouteMatch withPath(RouteMatch match, PathMatch path, String value) {
        PathMatch.Kind kind = path == null ? PathMatch.Kind.PREFIX : path.kind();
        PathMatch newPath = value.isBlank() ? null : new PathMatch(kind, value.strip());
        return new RouteMatch(match.hosts(), newPath, match.methods(), match.headers(), match.models());
    }

    static String fallbackText(List<FallbackConfig> steps) {
        return String.join(", ", steps.stream()
                .map(s -> s.upstreamModel() == null ? s.pool() : s.pool() + ":" + s.upstreamModel()).toList());
    }

    /** {@code "pool-a, pool-b:model"} as fallback steps. */
    static List<FallbackConfig> parseFallback(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            int colon = s.indexOf(':');
            return colon < 0 ? new FallbackConfig(s, null) : new FallbackConfig(s.substring(0, colon), s.substring(colon + 1));
        }).toList();
    }

    /** {@code unhealthyThreshold} as {@code Unhealthy threshold}. */
    private static String words(String name) {
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
