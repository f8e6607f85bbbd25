/**
 * Evaluation of the synthetic generator (named so because the build keeps evaluation code in evaluation packages,
 * away from runtime code): how realistic it is: {@code microreach eval realism} generates a world in memory and compares
 * each planted distribution (engagement rate by follower band, comments per post, follower profiles of genuine and
 * fake followers, creator reply delays and reply shares, clustering and reciprocity of the follow graph) with the
 * same distribution measured on the real public data sets of {@code ../shared/data}, by a two-sample
 * Kolmogorov-Smirnov test. Uses the generator's public API, the domain records, the evaluation package's statistics,
 * Jackson and commons-csv; reads only the data folder it is given and prints nothing (only aggregates leave it,
 * never a username or a text).
 */
package io.microreach.generator.evaluation;
