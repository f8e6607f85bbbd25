/**
 * Shortlists: named lists of accounts a workspace is considering for a campaign (workspace-private data, the
 * 'default' workspace until users exist). {@link io.microreach.app.shortlists.ShortlistService} is the API that the
 * REST endpoints ({@code /api/shortlists}), the {@code /shortlists} page and later the planner use. Uses Spring JDBC
 * and the stored scorecard columns for the entries' key metrics.
 */
package io.microreach.app.shortlists;
