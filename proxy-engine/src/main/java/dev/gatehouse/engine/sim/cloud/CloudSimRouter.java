package dev.gatehouse.engine.sim.cloud;

import dev.gatehouse.engine.cloud.AkSkSigner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks who is calling (an unexpired {@code X-Auth-Token} or a valid AK/SK signature, as APIG
 * does, with its error codes) and sends each request to the service that owns its path.
 */
final class CloudSimRouter {

    private static final Pattern PROJECT_PATH = Pattern.compile("/v[0-9.]+/([^/]+)/(.*)");
    private static final Pattern PEERING = Pattern.compile("/v2\\.0/vpc/peerings/([^/]+)(/accept)?");

    private final IamRoutes iam;
    private final VpcRoutes vpc;
    private final EcsRoutes ecs;
    private final ModelArtsRoutes modelArts;
    private final CloudSimState state;
    private final AkSkSigner signer = new AkSkSigner(DemoAccount.ACCESS_KEY, DemoAccount.SECRET_KEY);

    CloudSimRouter(CloudSimState state) {
        this.state = state;
        this.iam = new IamRoutes(state);
        this.vpc = new VpcRoutes(state);
        this.ecs = new EcsRoutes(state);
        this.modelArts = new ModelArtsRoutes(state);
    }

    SimResponse handle(SimRequest request) {
        String method = request.method();
        String path = request.path();
        if (method.equals("POST") && path.equals("/v3/auth/tokens")) {
            return iam.token(request);
        }
        SimResponse refused = authenticate(request);
        if (refused != null) {
            return refused;
        }
        if (method.equals("GET") && path.equals("/v3/projects")) {
            return iam.projects(request);
        }
        if (path.equals("/v2/cloudimages") && method.equals("GET")) {
            return ecs.images();
        }
        if (path.equals("/v2.0/vpc/peerings") && method.equals("POST")) {
            return vpc.createPeering(request);
        }
        if (path.equals("/v2.0/vpc/peerings") && method.equals("GET")) {
            return vpc.peerings(request);
        }
        if (path.equals("/v2.0/vpc/routes") && method.equals("POST")) {
            return vpc.addRoute(request);
        }
        Matcher peering = PEERING.matcher(path);
        if (peering.matches()) {
            boolean accept = peering.group(2) != null;
            if (accept && method.equals("PUT")) {
                return vpc.accept(peering.group(1));
            }
            return !accept && method.equals("GET") ? vpc.peering(peering.group(1)) : notAllowed(request);
        }
        Matcher project = PROJECT_PATH.matcher(path);
        if (project.matches()) {
            if (!project.group(1).equals(DemoAccount.PROJECT_ID)) {
                return SimResponse.error(403, "APIGW.0302", "The IAM user is not authorized to access project "
                        + project.group(1));
            }
            return projectScoped(request, path.substring(0, path.indexOf('/', 1)), project.group(2));
        }
        return SimResponse.error(404, "APIGW.0101", "The API does not exist or has not been published: " + path);
    }

    private SimResponse projectScoped(SimRequest request, String version, String rest) {
        String method = request.method();
        String[] parts = rest.split("/");
        String key = method + " " + version + " " + parts[0] + (parts.length > 1 ? "/" + (parts.length) : "");
        return switch (key) {
            case "GET /v1 vpcs" -> vpc.vpcs();
            case "GET /v1 subnets" -> vpc.subnets(request);
            case "POST /v1 vpcs" -> vpc.createVpc(request);
            case "POST /v1 subnets" -> vpc.createSubnet(request);
            case "GET /v1 cloudservers/2" -> parts[1].equals("flavors") ? ecs.flavors()
                    : parts[1].equals("detail") ? ecs.servers() : ecs.server(parts[1]);
            case "POST /v1.1 cloudservers" -> ecs.create(request);
            case "GET /v1 jobs/2" -> ecs.job(parts[1]);
            case "GET /v1 services" -> modelArts.services();
            case "GET /v2 pools" -> modelArts.pools();
            case "GET /v1 networks/2" -> modelArts.network(parts[1]);
            case "PATCH /v1 networks/2" -> modelArts.connect(parts[1], request);
            case "GET /v1 services/4" -> parts[2].equals("predict") && parts[3].equals("endpoints")
                    ? modelArts.hostEndpoints(parts[1], request) : notAllowed(request);
            default -> notAllowed(request);
        };
    }

    private SimResponse authenticate(SimRequest request) {
        String token = request.header("x-auth-token");
        if (token != null) {
            if (state.tokenValid(token)) {
                return null;
            }
            boolean expired = state.tokenExpiry(token) != null;
            return SimResponse.error(401, expired ? "APIGW.0307" : "APIGW.0301",
                    expired ? "The token must be updated." : "Incorrect IAM authentication information: decrypt token fail");
        }
        String authorization = request.header("authorization");
        if (authorization != null) {
            return signer.verify(request.method(), request.uri(), request.headers(), request.rawBody()) ? null
                    : SimResponse.error(401, "APIGW.0301",
                            "Incorrect IAM authentication information: verify aksk signature fail");
        }
        return SimResponse.error(401, "APIGW.0301", "Incorrect IAM authentication information: no token or signature");
    }

    private static SimResponse notAllowed(SimRequest request) {
        return SimResponse.error(404, "APIGW.0101", "The API does not exist or has not been published: "
                + request.method() + " " + request.path());
    }
}
