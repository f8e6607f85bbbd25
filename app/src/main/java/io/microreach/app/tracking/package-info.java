/**
 * Tracking links and orders: the public redirect {@code /r/{code}} with its privacy-preserving click log (screened by
 * the core's click screen, visitors hashed under a salt of the day, written in batches by a background writer), the
 * signed order webhooks (generic JSON and Shopify's order payload), the order CSV upload, attribution of every order
 * at arrival (the core's attribution rule), the per-workspace webhook secret, click-log retention and the figures the
 * campaign report reads. May use {@code database}, {@code home}, {@code security} and {@code users}.
 */
package io.microreach.app.tracking;
