/**
 * The setup wizard (issue 8): signs in to Huawei Cloud, connects a VPC to a ModelArts dedicated
 * resource pool, creates or picks an ECS, finds the service's host endpoints, checks each with a
 * request, and turns them into a discovered pool and a route in the running gateway.
 *
 * <p>Nothing is created in the cloud before the user confirms: the two pages that create things
 * (the VPC connection and the ECS) first show what they will create and create it only when the
 * user presses their Create button; the gateway is changed only by Apply on the summary.
 */
package dev.gatehouse.ui.wizard;
