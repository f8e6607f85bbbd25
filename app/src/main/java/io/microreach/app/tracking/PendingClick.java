package io.microreach.app.tracking;

import io.microreach.campaigns.ClickKind;
import java.time.Instant;

/** A screened request to a tracking link, as the click log stores it. */
record PendingClick(long workspaceId, long creatorId, String clickId, Instant at, byte[] visitorHash, ClickKind kind) {}
