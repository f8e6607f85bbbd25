package io.microreach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Captions;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UgcFinderTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-06-30T23:59:59Z");
    private final UgcFinder finder = new UgcFinder();

    private static AuthoredPost post(String id, String account, Instant at, String caption, Long likes) {
        return new AuthoredPost(
                new Post(
                        Platform.INSTAGRAM,
                        id,
                        account,
                        at,
                        PostFormat.PHOTO,
                        caption,
                        Captions.hashtags(caption),
                        Captions.mentions(caption),
                        likes,
                        3L,
                        null,
                        2L,
                        null,
                        null,
                        null,
                        null),
                account.equals("brand") ? "GlowCo" : "user_" + account);
    }

    @Test
    void findsNonPartnerPostsInsideTheWindowByHashtagOrMention() {
        Instant mid = Instant.parse("2026-06-15T12:00:00Z");
        List<AuthoredPost> posts = List.of(
                post("tag", "u1", mid, "Loving it #GlowCoSpring", 10L),
                post("mention", "u2", mid, "New from @GLOWCO", 20L),
                post("accent", "u3", mid, "Nuevo #GlôwCoSpring", null),
                post("first-second", "u4", START, "#glowcospring", 1L),
                post("last-second", "u4", END, "#glowcospring", 1L),
                post("before", "u5", START.minusSeconds(1), "#glowcospring", 1L),
                post("after", "u5", END.plusSeconds(1), "#glowcospring", 1L),
                post("partner", "p1", mid, "#glowcospring @glowco", 1L),
                post("brand-own", "brand", mid, "Our drop #glowcospring", 1L),
                post("longer-tag", "u6", mid, "#glowcospringfans", 1L),
                post("similar-handle", "u6", mid, "@glowco_fan", 1L),
                post("plain-word", "u6", mid, "glowco haul", 1L));
        List<UgcPost> found = finder.find(posts, Set.of("p1"), "#glowcospring", List.of("@GlowCo"), START, END);
        assertThat(found)
                .extracting(u -> u.post().platformId())
                .containsExactly("tag", "mention", "accent", "first-second", "last-second");
        UgcPost mention = found.get(1);
        assertThat(mention.hashtagMatched()).isFalse();
        assertThat(mention.mentionedBrands()).containsExactly("GlowCo");
        assertThat(mention.matched()).isEqualTo("@GlowCo");
        assertThat(mention.engagements()).isEqualTo(20 + 3 + 2);
        assertThat(found.get(2).engagements()).isEqualTo(5);
        assertThat(found.get(0).matched()).isEqualTo("hashtag");
    }

    @Test
    void amplificationIsUgcOverPartnerEngagements() {
        assertThat(UgcFinder.amplification(50, 200)).isEqualTo(0.25);
        assertThat(UgcFinder.amplification(50, 0)).isNull();
        assertThatThrownBy(() -> finder.find(List.of(), Set.of(), null, List.of(), END, START))
                .hasMessageContaining("before it starts");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** Against a brute-force filter over random posts. */
    @ParameterizedTest
    @MethodSource("seeds")
    void equalsABruteForceFilter(long seed) {
        Random r = new Random(seed);
        String[] tags = {"glowcospring", "GlowCoSpring", "glowco", "spring", "glowcospring2"};
        String[] handles = {"glowco", "GLOWCO", "glowco_fan", "other"};
        List<AuthoredPost> posts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            StringBuilder caption = new StringBuilder("post");
            if (r.nextBoolean()) {
                caption.append(" #").append(tags[r.nextInt(tags.length)]);
            }
            if (r.nextBoolean()) {
                caption.append(" @").append(handles[r.nextInt(handles.length)]);
            }
            Instant at = START.plusSeconds(r.nextInt(40 * 86_400) - 5 * 86_400L);
            posts.add(post("p" + i, "a" + r.nextInt(8), at, caption.toString(), (long) r.nextInt(100)));
        }
        Set<String> partners = Set.of("a0", "a1");
        List<String> expected = new ArrayList<>();
        for (AuthoredPost p : posts) {
            Post x = p.post();
            String caption = x.caption().toLowerCase(Locale.ROOT);
            boolean inside =
                    !x.publishedAt().isBefore(START) && !x.publishedAt().isAfter(END);
            boolean tag = (caption + " ").contains("#glowcospring ");
            boolean mention = (caption + " ").contains("@glowco ");
            if (inside && !partners.contains(x.accountPlatformId()) && (tag || mention)) {
                expected.add(x.platformId());
            }
        }
        assertThat(finder.find(posts, partners, "glowcospring", List.of("glowco"), START, END))
                .extracting(u -> u.post().platformId())
                .containsExactlyElementsOf(expected);
    }
}
