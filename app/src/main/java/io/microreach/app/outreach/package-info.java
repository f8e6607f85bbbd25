/**
 * Outreach: e-mails that invite a campaign's creators and remind those who did not answer, written from the
 * workspace's templates with placeholders, sent through Spring's mail sender (standard {@code spring.mail.*}
 * properties), each kept as sent in the message log and on the campaign's timeline; the outreach page, its REST API
 * and the scheduled reminder job. Every row is scoped to the caller's workspace. May use campaigns, database,
 * security and users.
 */
package io.microreach.app.outreach;
