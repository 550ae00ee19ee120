/**
 * A blocking client for the Huawei Cloud APIs that the VPC/ECS/ModelArts wizard drives, built on
 * Apache HttpClient 5 and Jackson, and its credential store. Call it from a worker or virtual
 * thread, never from a Netty event loop or the FX thread.
 *
 * <h2>The flow the wizard drives</h2>
 * <ol>
 *   <li><b>Credentials and region.</b> {@code HuaweiCloud.connect(CloudEndpoints.of(region), credentials)}
 *       with a {@link dev.gatehouse.engine.cloud.CloudCredentials.Password} (IAM token, renewed before
 *       it expires and once after a 401) or an {@link dev.gatehouse.engine.cloud.CloudCredentials.AccessKey}
 *       (each request signed, {@code SDK-HMAC-SHA256}); {@link dev.gatehouse.engine.cloud.HuaweiCloud#signIn()}
 *       proves them with a real request and returns the project id. {@code CloudEndpoints.allAt(region, url)}
 *       or {@code with(service, url)} points it at the simulator or a private cloud.</li>
 *   <li><b>The dedicated resource pool and its network.</b> {@code modelArts().listPools()} then
 *       {@code network(pool.networkName())}: its CIDR and the VPCs it is connected to.</li>
 *   <li><b>The VPC and subnet.</b> {@code vpc().listVpcs()}, {@code vpc().listSubnets(vpcId)}.</li>
 *   <li><b>Peering, accept, routes.</b> {@code modelArts().connectVpc(network, vpcId, subnetId)} (or
 *       {@code vpc().createPeering(...)} between two VPCs of the account); the peering waits in
 *       PENDING_ACCEPTANCE until {@code vpc().acceptPeering(id)}; {@code vpc().awaitPeeringActive(id,
 *       timeout, cancellation, progress)}; then {@code vpc().addPeeringRoute(vpcId, networkCidr, peeringId)}.</li>
 *   <li><b>The ECS.</b> {@code ecs().listFlavors()}, {@code ecs().listImages()}, {@code ecs().listServers()}
 *       to pick an existing one, or {@code ecs().createServer(spec)} which returns a job id;
 *       {@code ecs().awaitJob(jobId, timeout, cancellation, progress)} ends in SUCCESS or fails with
 *       the cloud's reason (for example a quota); {@code ecs().server(id).privateAddresses()}.</li>
 *   <li><b>The ModelArts service.</b> {@code modelArts().listServices()}.</li>
 *   <li><b>Its host endpoints.</b> {@code modelArts().hostEndpoints(serviceId)}, limited client-side by
 *       a {@link dev.gatehouse.engine.cloud.CallLimiter} (20 lookups a minute for a sub-account, seed 000).</li>
 *   <li><b>The pool config.</b> A {@code PoolConfig} whose {@code discovery.modelarts} names the
 *       service and {@code "vault:NAME"} credentials saved with {@link dev.gatehouse.engine.cloud.CredentialVault}
 *       (or {@code "env"} to store nothing); the engine's {@code discovery.EndpointDiscovery} keeps its
 *       endpoints in step from then on.</li>
 * </ol>
 *
 * <h2>Long operations, cancellation and errors</h2>
 * Every wait takes a {@link dev.gatehouse.engine.cloud.Cancellation} (Cancel button: {@code cancel()}
 * ends the wait at once with {@code CloudException.Kind.CANCELLED}) and a
 * {@link dev.gatehouse.engine.cloud.Progress} told each state the cloud reports. Nothing is created in the cloud
 * except by {@code createPeering}, {@code connectVpc}, {@code acceptPeering}, {@code addPeeringRoute} and
 * {@code createServer}, so a wizard can ask before each. Every failure is a
 * {@link dev.gatehouse.engine.cloud.CloudException}: a {@code Kind} to branch on, a message for people with the
 * cloud's error code and the request id; HTTP 429 is waited out (Retry-After) before it becomes one.
 * Each step can be retried alone: the client keeps no state between calls but the token.
 */
package dev.gatehouse.engine.cloud;
