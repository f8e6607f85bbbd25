package io.microreach.campaigns;

import io.microreach.domain.Post;
import java.util.List;
import java.util.Objects;

/**
 * A post by an account that is not a partner of the campaign, using its hashtag or mentioning the brand.
 *
 * @param engagements likes + comments + shares + saves, those the platform reports
 * @param hashtagMatched whether the campaign hashtag was used
 * @param mentionedBrands the brand handles it mentions, as given to the finder
 */
public record UgcPost(
        Post post, String authorHandle, long engagements, boolean hashtagMatched, List<String> mentionedBrands) {
    public UgcPost {
        Objects.requireNonNull(post, "post");
        mentionedBrands = List.copyOf(mentionedBrands);
    }

    /** What matched, for people: "#glowco", "@glowco". */
    public String matched() {
        StringBuilder out = new StringBuilder();
        mentionedBrands.forEach(
                b -> out.append(out.isEmpty() ? "" : ", ").append('@').append(b));
        return hashtagMatched ? "hashtag" + (out.isEmpty() ? "" : ", " + out) : out.toString();
    }
}
