package io.microreach.campaigns;

import io.microreach.domain.Post;
import java.util.Objects;

/** A post with its author's handle (null when the account is not known). */
public record AuthoredPost(Post post, String authorHandle) {
    public AuthoredPost {
        Objects.requireNonNull(post, "post");
    }
}
