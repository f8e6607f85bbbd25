/**
 * The Bluesky connector: reads the public AppView of the AT Protocol (no login) through {@code
 * io.microreach.connectors.http} and maps profiles, author feeds, reply threads, followers and follows to the core's
 * domain records, with the DID as an account's platform id and the at-URI as a post's or reply's: the creator crawl,
 * the refresh of known accounts and discovery by keyword (profile and post search) or seed. {@link
 * io.microreach.connectors.bluesky.BlueskyConnector} is the only public type; the XRPC calls, the JSON reading and
 * the crawl steps are package-private. Uses the connector API, the HTTP plumbing, Jackson and the core's domain.
 */
package io.microreach.connectors.bluesky;
