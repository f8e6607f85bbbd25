/**
 * Prices of creator deliverables: a creator's own rate card when the workspace knows it, else an estimate from a
 * configurable benchmark table (platform × tier × deliverable, placed within the tier by followers and scaled by
 * engagement relative to the peer median), always a low–high range and marked estimated. Pure Java; may use the
 * domain package and Jackson (to read the table).
 */
package io.microreach.pricing;
