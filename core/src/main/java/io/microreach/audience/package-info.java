/**
 * Audience sketches: one Apache DataSketches theta sketch per account built from its follower-sample ids and
 * commenter ids, a versioned binary format for storing it, and the overlap, overlap-matrix, union-reach and lookalike
 * estimates with bounds computed from it. Pure Java; may use the domain package and DataSketches only.
 */
package io.microreach.audience;
