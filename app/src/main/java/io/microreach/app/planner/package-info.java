/**
 * The budget planner in the app: audience sketches stored in PostgreSQL (rebuilt after scoring), workspace rate
 * cards, plan briefs (YAML/JSON), {@link io.microreach.app.planner.PlanService} (the public entry point for the CLI,
 * REST and the web UI), the REST endpoints and the shortlist page's plan and overlap fragments (with {@link
 * io.microreach.app.planner.PlanFormat}, which writes every number in its unit). Uses the core's audience, pricing, forecast and planner packages,
 * JdbcTemplate and Spring MVC.
 */
package io.microreach.app.planner;
