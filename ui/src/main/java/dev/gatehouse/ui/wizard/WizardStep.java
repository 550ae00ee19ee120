package dev.gatehouse.ui.wizard;

/** The wizard's pages in order, each with its title and the one-line hint shown under it. */
public enum WizardStep {
    CREDENTIALS("Credentials and region", "Sign in to Huawei Cloud; Next proves the credentials with a token request."),
    RESOURCE_POOL("Resource pool", "The ModelArts dedicated resource pool whose network the gateway will reach."),
    VPC("VPC and subnet", "The VPC (and subnet) the pool's network is connected to; the ECS goes in it too."),
    PEERING("Peering and routes", "Connect the pool's network to the VPC, accept the peering and add the route."),
    SERVER("ECS", "The server the gateway runs on: create one in the subnet or pick an existing one."),
    SERVICE("ModelArts service", "The online service whose instances the gateway will balance."),
    ENDPOINTS("Host endpoints", "The service's instances, each checked with a GET /v1/models request."),
    GATEWAY("Pool and route", "The new pool (its endpoints follow the service) and the route that sends a model to it."),
    SUMMARY("Summary", "What changes in the gateway; Apply adds the pool and route to the running config.");

    private final String title;
    private final String hint;

    WizardStep(String title, String hint) {
        this.title = title;
        this.hint = hint;
    }

    public String title() {
        return title;
    }

    public String hint() {
        return hint;
    }

    /** The page after this one, or this one when it is the last. */
    WizardStep next() {
        WizardStep[] all = values();
        return all[Math.min(ordinal() + 1, all.length - 1)];
    }

    /** The page before this one, or this one when it is the first. */
    WizardStep previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }
}
