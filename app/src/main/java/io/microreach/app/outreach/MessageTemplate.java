package io.microreach.app.outreach;

/**
 * The wording of one kind of e-mail in a workspace.
 *
 * @param kind {@code invitation} or {@code reminder}
 * @param builtIn true while the workspace has not saved its own, so the built-in wording is used
 */
public record MessageTemplate(String kind, String subject, String body, boolean builtIn) {}
