/**
 * Evaluation of the cohesion score on real graphs, kept apart from scoring: the SNAP ego-Facebook friendship graphs
 * read from the shared data folder ({@link io.microreach.signals.community.evaluation.EgoNetworks}), degree-preserving
 * randomisations and Erdős–Rényi graphs of the same size to compare them with, follower-sized subsamples, and the
 * report that {@code eval cohesion --public-data DIR} prints ({@link
 * io.microreach.signals.community.evaluation.CohesionRealDataEvaluation}). Uses {@code io.microreach.signals.community}
 * only; reads the files it is handed, prints nothing and keeps no real identifier (the data set's ids are anonymised
 * numbers).
 */
package io.microreach.signals.community.evaluation;
