package io.microreach.signals.commercial;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Post;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The errors found on real captions (docs/eval/sponsorship-labelling.md) as known answers: negated markers, tagged
 * friends named as partner brands, the creator's own products flagged as undisclosed deals, gift disclosures and
 * brand partner tags. Captions are made up in the shape of the real ones.
 */
class SponsorshipContextTest {
    final SponsorshipDetector detector = new SponsorshipDetector();

    PostSponsorship classify(String caption) {
        return detector.classify(SponsorshipDetectorTest.post("p", caption, null, null), "lena");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "this post (obviously) wasn't sponsored by @glowco, I just love it",
                "This post (obviously) wasn’t sponsored by @glowco",
                "Not an ad, just an ode to a good friend @glowco",
                "No not sponsored haha just genuinely love these lashes @lashco",
                "#coffee #advertising - not sponsored #marblefloor",
                "#yeezy #advertising because of linking companies- not paid",
                "Win this carrier! This giveaway is in no way sponsored, endorsed or administered by Instagram",
                "*This is not sponsored, I just really like these candles!*",
                "Das ist keine Werbung, ich liebe es einfach #kaffee",
                "No es publicidad, me encanta @marca",
                "Ce n'est pas une pub, j'adore @marque",
                "Non è pubblicità, lo adoro @marca",
                "Não é publi, amo demais @marca",
                "Not gifted, I bought these myself (jeans)"
            })
    void negatedMarkersAreNoDisclosure(String caption) {
        PostSponsorship s = classify(caption);
        assertThat(s.sponsored()).as(caption + " " + s.markers()).isFalse();
        assertThat(s.partnerBrands()).isEmpty();
    }

    @Test
    void negationOnlyTakesBackItsOwnSentence() {
        PostSponsorship s = classify("Win a set from @glowco #ad. This giveaway is not sponsored by Instagram.");
        assertThat(s.disclosed()).isTrue();
        assertThat(s.partnerBrands()).containsExactly("glowco");
    }

    @Test
    void aNegationDoesNotHideACode() {
        PostSponsorship s = classify("Not sponsored, but use code LENA15 at @glowco");
        assertThat(s.sponsored()).isTrue();
        assertThat(s.disclosureGap()).isTrue();
    }

    @Test
    void onlyFillerWordsMayStandBetweenNegationAndTerm() {
        PostSponsorship s =
                classify("Thanks @growthwell for making saying no easier Paid partnership with @growthwell");
        assertThat(s.disclosed()).isTrue();
    }

    @Test
    void taggedFriendsPhotographersAndPlatformsAreNoPartnerBrands() {
        PostSponsorship s = classify("Brunch with @anna_b and @tom.k 🥂. Paid partnership with @glowco! 📸 @lenaphoto"
                + " shop it via @liketoknow.it");
        assertThat(s.disclosed()).isTrue();
        assertThat(s.partnerBrands()).containsExactly("glowco");
    }

    @Test
    void aListOfTaggedFriendsIsNoPartner() {
        PostSponsorship s = classify("Nap time with our new sheets from @dreamsheets #spon . . . Check out my friends"
                + " below! @anna @bella @carla @dora");
        assertThat(s.disclosed()).isTrue();
        assertThat(s.partnerBrands()).containsExactly("dreamsheets");
    }

    @Test
    void aHashtagEchoingTheHandleNamesTheBrand() {
        PostSponsorship s =
                classify("Lunch with @anna today. Loving my new lotion @natureglow. Link in bio!" + " #natureglow #ad");
        assertThat(s.partnerBrands()).containsExactly("natureglow");
    }

    @Test
    void aBrandPartnerTagDisclosesAndNamesTheBrand() {
        PostSponsorship s = classify("Festival hair thanks to my @t3micro barrel and @anna's braids! Use code"
                + " ASHLEY15 for 15% off #t3partner");
        assertThat(s.disclosed()).isTrue();
        assertThat(s.markers()).contains("#t3partner");
        assertThat(s.partnerBrands()).contains("t3micro");
    }

    @Test
    void aPartnerTagNeedsTheBrandTagged() {
        PostSponsorship s = classify("Sunday with @anna #lifepartner #partnerincrime");
        assertThat(s.sponsored()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "Use code EBOOK20 for 20% off my e-book! Link in bio",
                "My new course is live: code SPRING10 gets you 10% off",
                "20% off everything in my shop with code SHOP20",
                "Mit dem Code BUCH10 bekommt ihr mein Buch günstiger",
                "Con el código CURSO15 tenéis mi curso más barato",
                "Get our mugs before they are gone, our website code MUG10"
            })
    void aCodeForTheCreatorsOwnProductIsSelfPromotion(String caption) {
        PostSponsorship s = classify(caption);
        assertThat(s.sponsored()).as(caption).isFalse();
        assertThat(s.selfPromotion()).as(caption).isTrue();
        assertThat(s.partnerBrands()).isEmpty();
    }

    @Test
    void aBrandsCodeNextToTheOwnProductIsStillSponsored() {
        PostSponsorship s = classify("Use code LENA15 at @glowco. And check out my e-book!");
        assertThat(s.sponsored()).isTrue();
        assertThat(s.selfPromotion()).isFalse();
        assertThat(s.partnerBrands()).containsExactly("glowco");
    }

    @Test
    void aDisclosedPostAboutTheOwnProductStaysDisclosed() {
        PostSponsorship s = classify("My e-book is out, made with @glowco #ad");
        assertThat(s.disclosed()).isTrue();
        assertThat(s.selfPromotion()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "The pants keep getting baggier (jeans and blazer gifted)",
                "Swipe for the twins! @toyco #gifted #toys",
                "Starting this lash serum today. PR sample #lashes",
                "Bed gifted by @bedco, prints from the shop",
                "full face @glowco * palette @lipco (*gifted)"
            })
    void giftsAreDisclosedDeals(String caption) {
        PostSponsorship s = classify(caption);
        assertThat(s.disclosed()).as(caption + " " + s.markers()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "Use my code ‘blackbunny’ for 20% off @whiteco",
                "Top from @novaco use code “ MaeloveXO “ for 20% off",
                "non dimenticate il codice ➡STELIA20⬅ al check out @nakd"
            })
    void quotedOrArrowedCodesAreCodes(String caption) {
        PostSponsorship s = classify(caption);
        assertThat(s.reasons()).as(caption + " " + s.markers()).contains(SponsorshipReason.DISCOUNT_CODE);
    }

    @Test
    void selfPromotionIsCountedApartFromTheSponsoredShare() {
        List<Post> posts = new ArrayList<>();
        posts.add(SponsorshipDetectorTest.post("p1", "Use code EBOOK20 for my e-book", null, null));
        posts.add(SponsorshipDetectorTest.post("p2", "Paid partnership with @glowco", null, null));
        for (int i = 3; i <= 6; i++) {
            posts.add(SponsorshipDetectorTest.post("p" + i, "Morning run #fitness", null, null));
        }
        Commercialisation c = detector.measure(SponsorshipDetectorTest.activity(posts));
        assertThat(c.sponsoredShare().successes()).isEqualTo(1);
        assertThat(c.selfPromotion()).isEqualTo(1);
        assertThat(c.undisclosed()).isZero();
        assertThat(c.partnerBrands()).containsExactly("glowco");
    }
}
