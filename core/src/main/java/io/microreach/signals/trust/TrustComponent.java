package io.microreach.signals.trust;

import java.util.Locale;

/** The signals the trust score combines, and which direction is good for each. */
public enum TrustComponent {
    /** Median engagement rate against peers: more is better. */
    ENGAGEMENT,
    /** Share of real (not suspicious) followers: more is better. */
    REAL_FOLLOWERS,
    /** Reply rate to the community: more is better. */
    REPLIES,
    /** Community cohesion: more is better. */
    COMMUNITY,
    /** Interaction-inviting content: more is better. */
    INVITING_CONTENT,
    /** Little over-commercialisation: a lower sponsored share is better. */
    AUTHENTICITY,
    /** No engagement anomalies (spikes, pods, odd like-to-comment ratio). */
    NO_ANOMALIES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
