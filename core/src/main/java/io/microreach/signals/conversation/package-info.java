/**
 * Conversation signals: how much a creator talks with their community ({@link
 * io.microreach.signals.conversation.ReplyRateCalculator}: share of others' top-level comments the creator answered
 * within 7 days, median reply delay) and how much their content invites interaction ({@link
 * io.microreach.signals.conversation.InteractionAnalyzer}: inviting captions, question comments, thread depth). Reads
 * only an {@link io.microreach.signals.AccountActivity} and the phrase list {@code invitations.json} beside these
 * classes; uses the JDK, Jackson (to read that list), the domain records and the shared signal types. No Spring,
 * SQL or HTTP.
 */
package io.microreach.signals.conversation;
