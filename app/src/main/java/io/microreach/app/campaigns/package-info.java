/**
 * Campaigns: a plan or a shortlist turned into work with creators (tracking link, promo code, fee, forecast), their
 * deliverables moving through statuses on a timeline, the board that shows what is late, and the campaign's REST API,
 * pages and report. Every row is scoped to the caller's workspace. May use database, planner, security, shortlists,
 * tracking and users, and the core's campaigns package for the rules (statuses, attribution, KPIs).
 */
package io.microreach.app.campaigns;
