/**
 * The synthetic data generator: creators, accounts, posts, comments, follower samples, follow edges and follower
 * histories with planted truths (engagement levels, fake-follower shares, reply habits, sponsorship, pods, spikes,
 * audience overlap, community cohesion), written in the JSONL import format with a ground-truth file beside it so that
 * every score microreach computes can be checked against what was planted. Streaming and deterministic: per-creator
 * random streams keyed by seed and index, no state that grows with the number of creators. Uses the domain records,
 * the ingest package's {@link io.microreach.ingest.JsonlRecordWriter}, Jackson and the JDK; no I/O besides the output
 * files and its phrase-bank and follower-profile resources, and no console output.
 */
package io.microreach.generator;
