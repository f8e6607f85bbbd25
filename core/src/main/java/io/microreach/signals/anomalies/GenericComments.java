package io.microreach.signals.anomalies;

import io.microreach.signals.Proportion;
import java.util.List;

/**
 * Generic comments among the top-level comments by others on the recent posts: emoji only, or short praise with
 * nothing specific to the post ("nice pic 🔥", "great post!", "so good", "toller Beitrag", "qué bonito").
 *
 * @param share generic comments among all of them, with its Wilson interval; {@code null} when there are none
 * @param commentIds the generic comments, newest posts first, at most the evidence limit
 * @param unavailableReason {@code null} when available
 */
public record GenericComments(Proportion share, List<String> commentIds, String unavailableReason) {

    public GenericComments {
        commentIds = List.copyOf(commentIds);
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
