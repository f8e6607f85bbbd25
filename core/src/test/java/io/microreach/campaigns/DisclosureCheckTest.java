package io.microreach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Captions;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureCheckTest {
    private static final String URL = "https://go.microreach.example/r/Ab3dEf9hIj";
    private static final PostRequirements REQUIRED =
            new PostRequirements(List.of("#GlowCoSpring"), List.of("glowco"), true, URL, "ANNA15");
    private final DisclosureCheck check = new DisclosureCheck();

    private static Post post(String caption, Boolean paidPartnership, String url) {
        return new Post(
                Platform.INSTAGRAM,
                "p1",
                "a1",
                Instant.parse("2026-06-01T10:00:00Z"),
                PostFormat.REEL,
                caption,
                Captions.hashtags(caption),
                Captions.mentions(caption),
                100L,
                5L,
                null,
                null,
                null,
                null,
                paidPartnership,
                url);
    }

    @Test
    void aDisclosedPostWithEveryRequirementIsComplete() {
        PostCheck c = check.check(
                post("Loving the serum from @GlowCo. Code anna15 for 15% off #glowcospring #ad", false, null),
                "anna",
                REQUIRED);
        assertThat(c.disclosed()).isTrue();
        assertThat(c.disclosureMarkers()).containsExactly("#ad");
        assertThat(c.missing()).isEmpty();
        assertThat(c.complete()).isTrue();
    }

    @Test
    void negationTakesTheDisclosureBack() {
        PostCheck c = check.check(
                post("Not sponsored, I just love @glowco #glowcospring " + URL, null, null), "anna", REQUIRED);
        assertThat(c.disclosed()).isFalse();
        assertThat(c.missing())
                .containsExactly(new MissingItem(
                        MissingItem.Kind.DISCLOSURE,
                        "disclosure",
                        List.of("caption", "hashtags", "paid-partnership label")));
    }

    @Test
    void thePlatformsPaidPartnershipLabelDiscloses() {
        PostCheck c = check.check(
                post(
                        "Loving @glowco #glowcospring",
                        true,
                        "https://www.instagram.com/p/x/?l=go.microreach.example/r/ab3defghij"),
                "anna",
                new PostRequirements(List.of("glowcospring"), List.of("@glowco"), false, null, null));
        assertThat(c.disclosed()).isTrue();
        assertThat(c.disclosureMarkers()).containsExactly("paid_partnership");
        assertThat(c.complete()).isTrue();
    }

    @Test
    void germanAndSpanishMarkersAndPhrasesDisclose() {
        assertThat(check.check(post("Neu von @glowco #werbung", null, null), "a", REQUIRED)
                        .disclosed())
                .isTrue();
        assertThat(check.check(post("Nuevo de @glowco #Publicidad", null, null), "a", REQUIRED)
                        .disclosed())
                .isTrue();
        assertThat(check.check(post("Paid partnership with @glowco.", null, null), "a", REQUIRED)
                        .disclosed())
                .isTrue();
        assertThat(check.check(post("Code ANNA15 at @glowco", null, null), "a", REQUIRED)
                        .disclosed())
                .as("a code alone tells the audience nothing")
                .isFalse();
    }

    @Test
    void missingItemsSayWhereTheyWereLookedFor() {
        PostCheck c =
                check.check(post("Loving the serum from GlowCo #ad #glowcospring2", null, null), "anna", REQUIRED);
        assertThat(c.disclosed()).isTrue();
        assertThat(c.missing())
                .containsExactly(
                        new MissingItem(MissingItem.Kind.HASHTAG, "#GlowCoSpring", List.of("hashtags", "caption")),
                        new MissingItem(MissingItem.Kind.MENTION, "@glowco", List.of("mentions", "caption")),
                        new MissingItem(MissingItem.Kind.LINK, URL + " or code ANNA15", List.of("caption", "url")));
    }

    @Test
    void linkCountsInCaptionOrUrlAnyCaseAndSchemeButTheCodeOnlyAsAWord() {
        PostRequirements linkOnly = new PostRequirements(List.of(), List.of(), true, URL, "ANNA15");
        assertThat(check.check(post("#ad shop: go.microreach.example/r/Ab3dEf9hIj", null, null), "a", linkOnly)
                        .missing())
                .isEmpty();
        assertThat(check.check(post("#ad", null, "HTTP://go.microreach.example/r/ab3def9hij"), "a", linkOnly)
                        .missing())
                .isEmpty();
        assertThat(check.check(post("#ad use XANNA15X", null, null), "a", linkOnly)
                        .missing())
                .extracting(MissingItem::kind)
                .containsExactly(MissingItem.Kind.LINK);
    }

    @Test
    void accentsAndListedTagsCount() {
        Post listed = new Post(
                Platform.INSTAGRAM,
                "p2",
                "a1",
                Instant.parse("2026-06-01T10:00:00Z"),
                PostFormat.PHOTO,
                "#anzeige",
                List.of("GlówCoSpring"),
                List.of("GLOWCO"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        PostCheck c = check.check(
                listed, "a", new PostRequirements(List.of("#glowcospring"), List.of("@glowco"), false, null, null));
        assertThat(c.disclosed()).isTrue();
        assertThat(c.missing()).isEmpty();
    }
}
