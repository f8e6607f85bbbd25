/**
 * The YouTube connector: reads public channels, uploads, video statistics and comment threads through the YouTube
 * Data API v3 with an API key, and maps them to the core's domain records, with the channel id ({@code UC…}) as an
 * account's platform id, the video id as a post's and the comment id as a comment's. {@link
 * io.microreach.connectors.youtube.YouTubeConnector} is the only public type; the API calls, the JSON reading, the
 * daily quota accounting and the crawl steps are package-private. Uses the connector API, the HTTP plumbing, Jackson
 * and the core's domain; YouTube exposes no subscriber list, so this package emits no follower samples or edges.
 */
package io.microreach.connectors.youtube;
