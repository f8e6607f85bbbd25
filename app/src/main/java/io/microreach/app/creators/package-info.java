/**
 * Browsing stored creators: the paged, sortable creators list and the creator page with the raw data (profile,
 * follower history, posts, comments, follower sample). The list is a search (io.microreach.app.search), paged and
 * sorted through its PageSortParser; the creator page reads PostgreSQL with Spring JDBC. Thymeleaf views. The page
 * reads as a marketer would: a verdict line from documented thresholds (CreatorVerdict), plain labels and units for
 * the scorecard (ScorecardText), long lists in pages, sampled followers marked by the scorer's suspicious-follower
 * model (FollowerFlags, core signals.followers), audience lookalikes from the planner (same platform only). Pure
 * classes here (CreatorVerdict, ScorecardText, DiscoverLink) use no Spring.
 */
package io.microreach.app.creators;
