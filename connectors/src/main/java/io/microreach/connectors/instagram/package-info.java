/**
 * The Instagram connector: reads other creators' professional (business or creator) accounts through the Instagram
 * Graph API's Business Discovery ({@code GET /{ig-user-id}?fields=business_discovery.username(...)}) with the app
 * user's own token and business account, and maps a profile and its recent media to the core's {@code Account},
 * {@code FollowerCount} and {@code Post} records, with the Instagram user id as an account's platform id and the
 * media id as a post's. Business Discovery shows no followers, no comments of others and no reach, so this package
 * emits no {@code FollowerSample}, {@code FollowEdge} or {@code Comment}. {@link
 * io.microreach.connectors.instagram.InstagramConnector} is the only public type; the Graph call, the JSON reading,
 * the error classification and the crawl steps are package-private. Uses the connector API, the HTTP plumbing,
 * Jackson and the core's domain.
 */
package io.microreach.connectors.instagram;
