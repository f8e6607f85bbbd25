package io.microreach.app.outreach;

/**
 * A template filled for one creator, as it would be sent.
 *
 * @param creatorHandle the creator it was filled for, or null when the campaign has none (placeholders show samples)
 */
public record Preview(String creatorHandle, String subject, String body) {}
