package dev.gatehouse.engine.cloud;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each cloud service answers: {@code https://{service}.{region}.myhuaweicloud.com} by default,
 * or an override per service (the simulator, a private cloud, a VPC endpoint).
 */
public record CloudEndpoints(String region, Map<String, URI> overrides) {

    public static final String IAM = "iam";
    public static final String VPC = "vpc";
    public static final String ECS = "ecs";
    public static final String IMS = "ims";
    public static final String MODELARTS = "modelarts";
    public static final List<String> SERVICES = List.of(IAM, VPC, ECS, IMS, MODELARTS);

    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A region name as the public endpoints spell it ({@code cn-north-4}, {@code ap-southeast-1}). */
    public static boolean isRegion(String name) {
        return REGION.matcher(name).matches();
    }

    public CloudEndpoints {
        requireNonNull(region, "region");
        if (!isRegion(region)) {
            throw new IllegalArgumentException("region must look like \"cn-north-4\", got \"" + region + "\"");
        }
        overrides.forEach((service, base) -> {
            if (!SERVICES.contains(service)) {
                throw new IllegalArgumentException("unknown service \"" + service + "\", expected one of " + SERVICES);
            }
            if (!base.isAbsolute() || base.getHost() == null) {
                throw new IllegalArgumentException(service + " endpoint must be an absolute URL, got " + base);
            }
        });
        overrides = Map.copyOf(overrides);
    }

    /** The public endpoints of {@code region}. */
    public static CloudEndpoints of(String region) {
        return new CloudEndpoints(region, Map.of());
    }

    /** Every service at {@code base} (the cloud simulator serves them all on one port). */
    public static CloudEndpoints allAt(String region, URI base) {
        Map<String, URI> all = new HashMap<>();
        SERVICES.forEach(service -> all.put(service, base));
        return new CloudEndpoints(region, all);
    }

    public CloudEndpoints with(String service, URI base) {
        Map<String, URI> copy = new HashMap<>(overrides);
        copy.put(service, base);
        return new CloudEndpoints(region, copy);
    }

    /** The base URL of {@code service}, without a trailing slash. */
    public URI base(String service) {
        URI override = overrides.get(service);
        String text = override != null ? override.toString() : "https://" + service + "." + region + ".myhuaweicloud.com";
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** {@code base(service)} followed by {@code pathAndQuery}, which starts with "/". */
    public URI resolve(String service, String pathAndQuery) {
        return URI.create(base(service) + pathAndQuery);
    }
}
