package io.microreach.app.outreach;

import java.util.List;

/** The invitations of one request: who got one, whose failed and who was skipped, each with the reason. */
public record InvitationResult(long campaignId, List<Delivery> sent, List<Delivery> failed, List<Delivery> skipped) {
    public InvitationResult {
        sent = List.copyOf(sent);
        failed = List.copyOf(failed);
        skipped = List.copyOf(skipped);
    }
}
