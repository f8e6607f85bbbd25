/**
 * Forecasts of a deliverable (impressions, engagements, clicks, conversions, revenue) as P10/P50/P90 bands from the
 * creator's own post-to-post engagement variation, the brand's rates with documented defaults, and the hold-out
 * calibration check. Pure Java; may use the domain, pricing and signals packages.
 */
package io.microreach.forecast;
