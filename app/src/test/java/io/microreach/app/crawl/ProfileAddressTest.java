package io.microreach.app.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileAddressTest {

    private static ProfileAddress parse(String s) {
        return ProfileAddress.parse(s, Optional.empty());
    }

    @Test
    void profileUrlsOfEveryPlatform() {
        assertThat(parse("https://bsky.app/profile/Anna.bsky.social"))
                .isEqualTo(new ProfileAddress(Source.BLUESKY, "anna.bsky.social", null));
        assertThat(parse("https://www.youtube.com/@GardenAnna/videos"))
                .isEqualTo(new ProfileAddress(Source.YOUTUBE, "@GardenAnna", null));
        assertThat(parse("https://youtube.com/channel/UCabcdefghijklmnopqrstuv"))
                .isEqualTo(new ProfileAddress(Source.YOUTUBE, "UCabcdefghijklmnopqrstuv", null));
        assertThat(parse("https://www.instagram.com/anna.gardens/"))
                .isEqualTo(new ProfileAddress(Source.INSTAGRAM, "anna.gardens", null));
        assertThat(parse("https://fosstodon.org/@anna"))
                .isEqualTo(new ProfileAddress(Source.MASTODON, "anna@fosstodon.org", "https://fosstodon.org"));
    }

    @Test
    void handlesThatNameTheirPlatform() {
        assertThat(parse("@anna@fosstodon.org"))
                .isEqualTo(new ProfileAddress(Source.MASTODON, "anna@fosstodon.org", "https://fosstodon.org"));
        assertThat(parse("anna.bsky.social")).isEqualTo(new ProfileAddress(Source.BLUESKY, "anna.bsky.social", null));
        assertThat(parse("did:plc:gardenerone2ab3cd4ef5gh6").source()).isEqualTo(Source.BLUESKY);
        assertThat(ProfileAddress.parse("anna_gardens", Optional.of(Source.INSTAGRAM)))
                .isEqualTo(new ProfileAddress(Source.INSTAGRAM, "anna_gardens", null));
    }

    @Test
    void whatCannotBeReadIsRefusedNamingTheField() {
        assertThatThrownBy(() -> parse("rubyjohnson"))
                .isInstanceOf(SourceProblem.class)
                .hasMessageContaining("choose the platform");
        assertThatThrownBy(() -> parse("https://www.instagram.com/p/Cx12/"))
                .isInstanceOf(SourceProblem.class)
                .hasMessageContaining("not a profile URL");
        assertThatThrownBy(() -> parse("javascript://alert(1)")).isInstanceOf(SourceProblem.class);
        assertThatThrownBy(() -> parse(" ")).isInstanceOf(SourceProblem.class);
    }
}
