/**
 * The budget planner in the app: audience sketches stored in PostgreSQL (rebuilt after scoring), plan briefs
 * (YAML/JSON), {@link io.microreach.app.planner.PlanService} (the public entry point for the CLI, REST and the web UI),
 * the shortlist page's plan and overlap fragments (with {@link io.microreach.app.planner.PlanFormat}, which writes
 * every number in its unit), and prices: {@link io.microreach.app.planner.PriceService} is the one source of a
 * creator's price (rate cards and negotiated prices from {@code RateCardStore}, else the core estimator, converted
 * with the configured exchange rates) for Discover's index, the creator page's price section, shortlists and plans,
 * with the REST endpoints and page fragments of both. Uses the core's audience, pricing, forecast and planner
 * packages, the search index (to refresh an account after its rate card changes), shortlists, JdbcTemplate and
 * Spring MVC.
 */
package io.microreach.app.planner;
