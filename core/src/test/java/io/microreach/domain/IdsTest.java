package io.microreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @CsvSource({
        "instagram, INSTAGRAM",
        "Instagram, INSTAGRAM",
        "INSTAGRAM, INSTAGRAM",
        "TikTok, TIKTOK",
        "tiktok, TIKTOK",
        "YouTube, YOUTUBE",
        "BlueSky, BLUESKY",
        "bluesky, BLUESKY",
        "Twitter, TWITTER",
        "' twitter ', TWITTER"
    })
    void platformFromIdIsCaseInsensitive(String id, Platform expected) {
        assertThat(Platform.fromId(id)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"x", "facebook", "insta", "you tube", "twitter.com", "İNSTAGRAM"})
    void unknownPlatform(String id) {
        assertThat(Platform.fromId(id)).isEmpty();
    }

    @Test
    void platformIdRoundTrip() {
        for (Platform p : Platform.values()) {
            assertThat(p.id()).isEqualTo(p.id().toLowerCase());
            assertThat(Platform.fromId(p.id())).contains(p);
            assertThat(Platform.fromId(p.id().toUpperCase())).contains(p);
        }
        assertThat(Platform.allowedIds()).isEqualTo("instagram, tiktok, youtube, bluesky, twitter, mastodon");
    }

    @Test
    void videoFirstPlatforms() {
        assertThat(Arrays.stream(Platform.values()).filter(Platform::isVideoFirst))
                .containsExactlyInAnyOrder(Platform.TIKTOK, Platform.YOUTUBE);
    }

    @ParameterizedTest
    @CsvSource({
        "photo, PHOTO",
        "Photo, PHOTO",
        "CAROUSEL, CAROUSEL",
        "Video, VIDEO",
        "REEL, REEL",
        "Short, SHORT",
        "sToRy, STORY",
        "' text ', TEXT"
    })
    void formatFromIdIsCaseInsensitive(String id, PostFormat expected) {
        assertThat(PostFormat.fromId(id)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"reels", "shorts", "image", "gif", "live"})
    void unknownFormat(String id) {
        assertThat(PostFormat.fromId(id)).isEmpty();
    }

    @Test
    void formatIdRoundTripAndVideoFormats() {
        for (PostFormat f : PostFormat.values()) {
            assertThat(PostFormat.fromId(f.id())).contains(f);
        }
        assertThat(PostFormat.allowedIds()).isEqualTo("photo, carousel, video, reel, short, story, text");
        assertThat(Arrays.stream(PostFormat.values()).filter(PostFormat::isVideo))
                .containsExactlyInAnyOrder(PostFormat.VIDEO, PostFormat.REEL, PostFormat.SHORT);
    }

    @Test
    void recordTypeIds() {
        for (RecordType t : RecordType.values()) {
            assertThat(RecordType.fromId(t.id())).contains(t);
        }
        assertThat(RecordType.allowedIds())
                .isEqualTo("account, post, comment, follower_sample, follow_edge, follower_count");
        assertThat(RecordType.fromId(null)).isEmpty();
        assertThat(RecordType.fromId("nope")).isEmpty();
    }
}
