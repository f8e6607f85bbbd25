package io.microreach.signals.commercial.evaluation;

import java.util.Locale;
import java.util.Optional;

/** A caption's hand label (docs/eval/sponsorship-labelling.md). */
public enum SponsorshipTruth {
    /** A deal with a third-party brand, and the caption says so ("#ad", "sponsored", "gifted", "#brandpartner"). */
    DISCLOSED,
    /** Signs of a deal with a third-party brand (a code, an affiliate link, a brand giveaway) and no disclosure. */
    UNDISCLOSED,
    /** No deal with a third-party brand: organic, a negated marker, tagged friends, the creator's own product. */
    NONE;

    public boolean sponsored() {
        return this != NONE;
    }

    /** The label as written in the file: {@code disclosed}, {@code undisclosed} or {@code none}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SponsorshipTruth> parse(String s) {
        for (SponsorshipTruth t : values()) {
            if (t.fileName().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
