/**
 * The Mastodon connector: reads one instance's public REST API (no login) through {@code
 * io.microreach.connectors.http} and maps accounts, statuses, status contexts, followers and follows to the core's
 * domain records, with ids qualified by the instance's host ({@code mastodon.social:109302736583401234}) because
 * Mastodon ids are per instance. {@link io.microreach.connectors.mastodon.MastodonConnector} is the only public type;
 * the REST calls, the JSON, HTML and {@code Link} header reading and the crawl steps are package-private. Uses the
 * connector API, the HTTP plumbing, Jackson and the core's domain.
 */
package io.microreach.connectors.mastodon;
