package io.microreach.app.outreach;

/**
 * What happened to one creator when invitations went out.
 *
 * @param outcome {@code sent}, {@code failed} or {@code skipped}
 * @param to the address written to, or null when skipped before one was known
 * @param reason why it failed or was skipped; null when sent
 */
public record Delivery(long creatorId, String handle, String outcome, String to, String reason) {}
