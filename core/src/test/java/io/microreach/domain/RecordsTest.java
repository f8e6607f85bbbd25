package io.microreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordsTest {
    static final Platform P = Platform.INSTAGRAM;
    static final Instant T = Instant.parse("2026-03-01T18:30:00Z");

    static void rejectsNull(String component, Executable constructor) {
        assertThatThrownBy(constructor::execute)
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining(component);
    }

    static void rejectsNegative(String component, Executable constructor) {
        assertThatThrownBy(constructor::execute)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(component)
                .hasMessageContaining("negative");
    }

    static Account account(Platform platform, String id, String handle, long followers, Long following, Long posts) {
        return new Account(
                platform, id, handle, null, null, null, null, followers, following, posts, false, false, false, null,
                null, null, null);
    }

    /** A post with the given likes, comments, shares, saves, views, followersAtPost (missing ones null). */
    static Post post(Long... counts) {
        Long[] c = Arrays.copyOf(counts, 6);
        return new Post(
                P, "p", "a", T, PostFormat.PHOTO, null, null, null, c[0], c[1], c[2], c[3], c[4], c[5], null, null);
    }

    @Nested
    class AccountRecord {
        @Test
        void valid() {
            Account a = account(P, "1", "h", 0, null, null);
            assertThat(a.type()).isEqualTo(RecordType.ACCOUNT);
            assertThat(a.platform()).isEqualTo(P);
            assertThat(a.following()).isNull();
        }

        @Test
        void requiredComponents() {
            rejectsNull("platform", () -> account(null, "1", "h", 0, null, null));
            rejectsNull("platformId", () -> account(P, null, "h", 0, null, null));
            rejectsNull("handle", () -> account(P, "1", null, 0, null, null));
        }

        @Test
        void negativeCounts() {
            rejectsNegative("followers", () -> account(P, "1", "h", -1, null, null));
            rejectsNegative("following", () -> account(P, "1", "h", 0, -1L, null));
            rejectsNegative("postsCount", () -> account(P, "1", "h", 0, null, Long.MIN_VALUE));
            assertThatNoException().isThrownBy(() -> account(P, "1", "h", 0, 0L, 0L));
        }
    }

    @Nested
    class PostRecord {
        @Test
        void requiredComponents() {
            rejectsNull(
                    "platform",
                    () -> new Post(
                            null,
                            "p",
                            "a",
                            T,
                            PostFormat.PHOTO,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
            rejectsNull(
                    "platformId",
                    () -> new Post(
                            P,
                            null,
                            "a",
                            T,
                            PostFormat.PHOTO,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
            rejectsNull(
                    "accountPlatformId",
                    () -> new Post(
                            P,
                            "p",
                            null,
                            T,
                            PostFormat.PHOTO,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
            rejectsNull(
                    "publishedAt",
                    () -> new Post(
                            P,
                            "p",
                            "a",
                            null,
                            PostFormat.PHOTO,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
            rejectsNull(
                    "format",
                    () -> new Post(
                            P, "p", "a", T, null, null, null, null, null, null, null, null, null, null, null, null));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5})
        void negativeCounts(int index) {
            String[] names = {"likes", "comments", "shares", "saves", "views", "followersAtPost"};
            Long[] counts = new Long[6];
            counts[index] = -1L;
            rejectsNegative(names[index], () -> post(counts));
            counts[index] = 0L;
            assertThat(post(counts).type()).isEqualTo(RecordType.POST);
        }

        @Test
        void nullListsBecomeEmptyAndListsAreImmutableCopies() {
            Post p = post();
            assertThat(p.hashtags()).isEmpty();
            assertThat(p.mentions()).isEmpty();

            List<String> tags = new ArrayList<>(List.of("a"));
            Post q = new Post(
                    P, "p", "a", T, PostFormat.PHOTO, null, tags, tags, null, null, null, null, null, null, null, null);
            tags.add("b");
            assertThat(q.hashtags()).containsExactly("a");
            assertThatThrownBy(() -> q.mentions().add("c")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void nullInsideAListIsRejected() {
            List<String> withNull = Arrays.asList("a", null);
            assertThatThrownBy(() -> new Post(
                            P,
                            "p",
                            "a",
                            T,
                            PostFormat.PHOTO,
                            null,
                            withNull,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class CommentRecord {
        Comment comment(Platform p, String id, String post, String handle, String text, Instant at, Long likes) {
            return new Comment(p, id, post, null, handle, text, at, null, likes);
        }

        @Test
        void requiredComponents() {
            rejectsNull("platform", () -> comment(null, "c", "p", "h", "", T, null));
            rejectsNull("platformId", () -> comment(P, null, "p", "h", "", T, null));
            rejectsNull("postPlatformId", () -> comment(P, "c", null, "h", "", T, null));
            rejectsNull("authorHandle", () -> comment(P, "c", "p", null, "", T, null));
            rejectsNull("text", () -> comment(P, "c", "p", "h", null, T, null));
            rejectsNull("createdAt", () -> comment(P, "c", "p", "h", "", null, null));
        }

        @Test
        void emptyTextAndOptionalComponentsAreFine() {
            Comment c = comment(P, "c", "p", "h", "", T, 0L);
            assertThat(c.text()).isEmpty();
            assertThat(c.type()).isEqualTo(RecordType.COMMENT);
        }

        @Test
        void negativeLikes() {
            rejectsNegative("likes", () -> comment(P, "c", "p", "h", "x", T, -5L));
        }
    }

    @Nested
    class FollowerSampleRecord {
        FollowerSample sample(Platform p, String account, String follower, String handle, Long... counts) {
            Long[] c = Arrays.copyOf(counts, 3);
            return new FollowerSample(
                    p, account, follower, handle, null, null, c[0], c[1], c[2], null, null, null, null, null);
        }

        @Test
        void requiredComponents() {
            rejectsNull("platform", () -> sample(null, "a", "f", "h"));
            rejectsNull("accountPlatformId", () -> sample(P, null, "f", "h"));
            rejectsNull("followerPlatformId", () -> sample(P, "a", null, "h"));
            rejectsNull("handle", () -> sample(P, "a", "f", null));
            assertThat(sample(P, "a", "f", "h").type()).isEqualTo(RecordType.FOLLOWER_SAMPLE);
        }

        @Test
        void negativeCounts() {
            rejectsNegative("followers", () -> sample(P, "a", "f", "h", -1L));
            rejectsNegative("following", () -> sample(P, "a", "f", "h", 0L, -1L));
            rejectsNegative("postsCount", () -> sample(P, "a", "f", "h", 0L, 0L, -1L));
        }
    }

    @Nested
    class FollowEdgeRecord {
        @Test
        void requiredComponents() {
            rejectsNull("platform", () -> new FollowEdge(null, "a", "s", "t"));
            rejectsNull("accountPlatformId", () -> new FollowEdge(P, null, "s", "t"));
            rejectsNull("sourceId", () -> new FollowEdge(P, "a", null, "t"));
            rejectsNull("targetId", () -> new FollowEdge(P, "a", "s", null));
        }

        @Test
        void aFollowerCannotFollowItself() {
            assertThatThrownBy(() -> new FollowEdge(P, "a", "s", new String("s")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new FollowEdge(P, "a", "s", "S").type()).isEqualTo(RecordType.FOLLOW_EDGE);
        }
    }

    @Nested
    class FollowerCountRecord {
        @Test
        void requiredComponents() {
            LocalDate d = LocalDate.of(2026, 3, 1);
            rejectsNull("platform", () -> new FollowerCount(null, "a", d, 0));
            rejectsNull("accountPlatformId", () -> new FollowerCount(P, null, d, 0));
            rejectsNull("date", () -> new FollowerCount(P, "a", null, 0));
            rejectsNegative("followers", () -> new FollowerCount(P, "a", d, -1));
            assertThat(new FollowerCount(P, "a", d, 0).type()).isEqualTo(RecordType.FOLLOWER_COUNT);
        }
    }
}
