/**
 * The budget planner: candidates with prices, forecasts and audience sketches, the objectives (unique engaged reach
 * net of overlap, expected conversions, expected profit), the constraints (with the evidence minimum a creator needs),
 * the allocators ({@link
 * io.microreach.planner.LazyGreedyAllocator} with its stated guarantee, {@link io.microreach.planner.ExactAllocator}
 * for small instances) and the explained plan with its alternatives and its plain-language explanation (unspent
 * budget, next best additions, comparison with the naive plans, warnings). Pure Java; may use the audience, pricing,
 * forecast and domain packages.
 */
package io.microreach.planner;
