package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.ConfigError;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validator's errors placed where the editor shows them: at a field of a route, pool or
 * endpoint ({@code routes[3].pool} becomes field {@code pool} of the fourth route, by name), or,
 * for errors of listeners, limits, consumers or the whole document, in a general list with their path.
 * A field is the rest of the path after the item: {@code pool}, {@code ai.retries},
 * {@code healthCheck.interval}, {@code weight}; the empty field is the item as a whole.
 */
public record FieldErrors(Map<ItemRef, Map<String, List<String>>> byItem, List<String> general) {

    private static final Pattern ROUTE = Pattern.compile("routes\\[(\\d+)](?:\\.(.*))?");
    private static final Pattern POOL = Pattern.compile("pools\\[(\\d+)](?:\\.(.*))?");
    private static final Pattern ENDPOINT = Pattern.compile("endpoints\\[(\\d+)](?:\\.(.*))?");

    public static final FieldErrors NONE = new FieldErrors(Map.of(), List.of());

    public FieldErrors {
        Map<ItemRef, Map<String, List<String>>> copy = new LinkedHashMap<>();
        byItem.forEach((item, fields) -> {
            Map<String, List<String>> fieldCopy = new LinkedHashMap<>();
            fields.forEach((field, messages) -> fieldCopy.put(field, List.copyOf(messages)));
            copy.put(item, Collections.unmodifiableMap(fieldCopy));
        });
        byItem = Collections.unmodifiableMap(copy);
        general = List.copyOf(general);
    }

    /** Places each of {@code errors}, found in {@code config}, at its item and field. */
    public static FieldErrors place(GatewayConfig config, List<ConfigError> errors) {
        Map<ItemRef, Map<String, List<String>>> byItem = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ConfigError error : errors) {
            Placed placed = locate(config, error.path());
            if (placed == null) {
                general.add(error.toString());
            } else {
                byItem.computeIfAbsent(placed.item(), i -> new LinkedHashMap<>())
                        .computeIfAbsent(placed.field(), f -> new ArrayList<>()).add(error.message());
            }
        }
        return new FieldErrors(byItem, general);
    }

    /** The messages at one field of one item; empty when it is fine. */
    public List<String> at(ItemRef item, String field) {
        return byItem.getOrDefault(item, Map.of()).getOrDefault(field, List.of());
    }

    /** Every message of one item, each prefixed with its field. */
    public List<String> of(ItemRef item) {
        List<String> messages = new ArrayList<>();
        byItem.getOrDefault(item, Map.of()).forEach((field, list) ->
                list.forEach(m -> messages.add(field.isEmpty() ? m : field + ": " + m)));
        return messages;
    }

    public boolean isEmpty() {
        return byItem.isEmpty() && general.isEmpty();
    }

    public int count() {
        return general.size() + byItem.values().stream()
                .flatMap(fields -> fields.values().stream()).mapToInt(List::size).sum();
    }

    private record Placed(ItemRef item, String field) {
    }

    private static Placed locate(GatewayConfig config, String path) {
        Matcher route = ROUTE.matcher(path);
        if (route.matches()) {
            int i = Integer.parseInt(route.group(1));
            String name = i < config.routes().size() ? config.routes().get(i).name() : null;
            return name == null ? null : new Placed(ItemRef.route(name), rest(route));
        }
        Matcher pool = POOL.matcher(path);
        if (!pool.matches()) {
            return null;
        }
        int i = Integer.parseInt(pool.group(1));
        PoolConfig p = i < config.pools().size() ? config.pools().get(i) : null;
        if (p == null || p.name() == null) {
            return null;
        }
        Matcher endpoint = ENDPOINT.matcher(rest(pool));
        if (endpoint.matches()) {
            int j = Integer.parseInt(endpoint.group(1));
            return j < p.endpoints().size()
                    ? new Placed(ItemRef.endpoint(p.name(), p.endpoints().get(j).address()), rest(endpoint)) : null;
        }
        return new Placed(ItemRef.pool(p.name()), rest(pool));
    }

    private static String rest(Matcher matcher) {
        return matcher.group(2) == null ? "" : matcher.group(2);
    }
}
