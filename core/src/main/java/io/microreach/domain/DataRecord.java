package io.microreach.domain;

/**
 * One unit of imported public data. Every record has a natural key (platform plus the platform's own ids) so that
 * imports are idempotent upserts.
 */
public sealed interface DataRecord permits Account, Post, Comment, FollowerSample, FollowEdge, FollowerCount {

    Platform platform();

    /** The record type as written in the JSONL {@code type} field. */
    RecordType type();
}
