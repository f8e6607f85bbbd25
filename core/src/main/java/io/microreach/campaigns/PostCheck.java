package io.microreach.campaigns;

import java.util.List;
import java.util.Objects;

/**
 * The check of one published campaign post.
 *
 * @param disclosed whether the audience is told it is an ad (a disclosure marker or the platform's label)
 * @param disclosureMarkers what disclosed it, as written ("#ad", "paid partnership", "paid_partnership")
 * @param missing every missing item with where it was looked for, the disclosure included when missing
 */
public record PostCheck(String postId, boolean disclosed, List<String> disclosureMarkers, List<MissingItem> missing) {
    public PostCheck {
        Objects.requireNonNull(postId, "postId");
        disclosureMarkers = List.copyOf(disclosureMarkers);
        missing = List.copyOf(missing);
    }

    /** Disclosed and carrying every requirement. */
    public boolean complete() {
        return missing.isEmpty();
    }
}
