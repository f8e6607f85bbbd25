package io.microreach.app.outreach;

import java.time.Instant;

/**
 * One e-mail as it was sent to a creator, or as it failed.
 *
 * @param kind {@code invitation} or {@code reminder}
 * @param status {@code sent} or {@code failed}
 * @param error the mail server's answer when it failed, else null
 * @param sentBy the user who sent it ({@code cli:<os user>} from the command line); a reminder names the inviter
 */
public record OutreachMessage(
        long id,
        long campaignId,
        long creatorId,
        String creatorHandle,
        String kind,
        String to,
        String subject,
        String body,
        String status,
        String error,
        String sentBy,
        Instant sentAt) {}
