package io.microreach.connectors.instagram;

import io.microreach.domain.Post;
import java.util.List;

/**
 * One Business Discovery answer: the account's profile and one page of its media, newest first.
 *
 * @param after the cursor for the next media page, {@code null} when the answer offers none
 * @param skipped media objects the answer lists but lacks what every post needs (an id, a date, a type)
 */
record Discovered(Profile profile, List<Post> media, String after, int skipped) {
    Discovered {
        media = List.copyOf(media);
    }
}
