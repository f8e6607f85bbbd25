/**
 * The budget planner: candidates with prices, forecasts and audience sketches, the objectives (unique engaged reach
 * net of overlap, expected conversions, expected profit), the constraints, the allocators ({@link
 * io.microreach.planner.LazyGreedyAllocator} with its stated guarantee, {@link io.microreach.planner.ExactAllocator}
 * for small instances) and the explained plan with its alternatives. Pure Java; may use the audience, pricing,
 * forecast and domain packages.
 */
package io.microreach.planner;
