package io.microreach.signals.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Post;
import io.microreach.signals.commercial.CaptionRealDataCheck;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evaluation on real captions, not a unit test (not matched by Surefire's patterns, so {@code verify} never runs
 * it): the 100 posts of the "Instagram reach" set, read as {@link CaptionRealDataCheck} reads them, classified by
 * {@link InteractionAnalyzer#classifyCaption}. Prints counts only (never a caption, username or code).
 *
 * <p>Run: {@code ./mvnw -q -B -pl core test -Dtest=InvitingCaptionsRealDataCheck
 * -Dsurefire.failIfNoSpecifiedTests=false} (optionally {@code -Dmicroreach.realdata=DIR}); fails when the data folder
 * is missing.
 */
class InvitingCaptionsRealDataCheck {
    @Test
    void invitingCaptionsOnRealInstagramPosts() throws Exception {
        List<Post> posts = CaptionRealDataCheck.reachPosts().posts();
        InteractionAnalyzer analyzer = new InteractionAnalyzer();
        int inviting = 0;
        Map<InvitationKind, Integer> kinds = new EnumMap<>(InvitationKind.class);
        for (Post p : posts) {
            CaptionInvitation c = analyzer.classifyCaption(p.caption());
            if (c.inviting()) {
                inviting++;
            }
            c.kinds().forEach(k -> kinds.merge(k, 1, Integer::sum));
        }
        System.out.printf(
                Locale.ROOT,
                "inviting captions: %d (%.1f%%), by kind %s%n",
                inviting,
                100.0 * inviting / posts.size(),
                kinds);
        assertThat(posts).hasSize(100);
    }
}
