package dev.gatehouse.engine.sim.cloud;

/**
 * The one account the simulator knows, printed by {@code gatehouse cloud-sim}: an IAM user
 * (a sub-account, so host-endpoint lookups are limited to 20 a minute) and an access key pair.
 */
public final class DemoAccount {

    public static final String DOMAIN = "gatehouse-demo";
    public static final String USER = "wizard";
    public static final String PASSWORD = "demo-Passw0rd";
    public static final String ACCESS_KEY = "GHDEMOACCESSKEY00001";
    public static final String SECRET_KEY = "demo-secret-key-for-the-cloud-simulator";
    public static final String PROJECT_ID = "0b1c2d3e4f5a4b6c8d9e0f1a2b3c4d5e";
    public static final String VPC_ID = "3b6a2f1e-7c1d-4e55-9a0b-0c1d2e3f4a5b";
    public static final String SUBNET_ID = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
    public static final String POOL_NAME = "pool-gh-demo-5c9e";
    public static final String NETWORK_NAME = "network-gh-demo-5c9e";
    public static final String SERVICE_ID = "6f2e4a9b-1c3d-4e5f-8a7b-9c0d1e2f3a4b";
    public static final String SERVICE_NAME = "qwen-72b-vpc-direct";

    private DemoAccount() {
    }
}
