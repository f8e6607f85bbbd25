package io.microreach.signals.commercial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Account;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SponsorshipDetectorTest {
    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    final SponsorshipDetector detector = new SponsorshipDetector();

    static Post post(String id, String caption, List<String> hashtags, Boolean paid) {
        return new Post(
                Platform.INSTAGRAM,
                id,
                "C1",
                NOW,
                PostFormat.PHOTO,
                caption,
                hashtags,
                null,
                10L,
                1L,
                null,
                null,
                null,
                1000L,
                paid,
                null);
    }

    PostSponsorship classify(String caption) {
        return detector.classify(post("p", caption, null, null), "lena");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "Love this serum #ad",
                "Love this serum #Sponsored",
                "#advertisement new drop",
                "Paid partnership with @glowco",
                "Neues Serum #werbung",
                "Neues Serum #Anzeige",
                "Werbung | Neues Serum von @glowco",
                "Neues Serum von @glowco. Werbung",
                "[Anzeige] Neues Serum",
                "bezahlte Partnerschaft mit @glowco",
                "Mi sérum favorito #publicidad",
                "Mi sérum favorito #publi",
                "Mi sérum favorito #patrocinado",
                "Colaboración pagada con @glowco",
                "Mon sérum #sponsorisé",
                "Mon sérum #sponsorise",
                "Mon sérum #partenariat",
                "Partenariat rémunéré avec @glowco",
                "Il mio siero #pubblicità",
                "Il mio siero #adv",
                "Partnership retribuita con @glowco",
                "Meu sérum #publicidade",
                "Meu sérum #parceria",
                "Parceria paga com @glowco"
            })
    void disclosureMarkersInSixLanguages(String caption) {
        PostSponsorship s = classify(caption);
        assertThat(s.reasons()).as(caption).containsExactly(SponsorshipReason.DISCLOSURE_MARKER);
        assertThat(s.disclosed()).isTrue();
        assertThat(s.disclosureGap()).isFalse();
        assertThat(s.markers()).isNotEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Use code LENA15 for 15% off                    | code LENA15
            15% off with my code lena15                    | code lena15
            Rabattcode MAX20 für 20% Rabatt                | Rabattcode MAX20
            Mit dem Code GLOW spart ihr                    | Code GLOW
            Usa el código ANA10 para un 10% de descuento   | código ANA10
            Code promo JULIE15 = 15% de réduction          | Code promo JULIE15
            Codice sconto GIULIA15 = 15%                   | Codice sconto GIULIA15
            Use o cupom BIA15 para 15% de desconto         | cupom BIA15
            use my code in my bio!                         | use my code
            """)
    void discountCodes(String caption, String marker) {
        PostSponsorship s = classify(caption);
        assertThat(s.reasons()).as(caption).containsExactly(SponsorshipReason.DISCOUNT_CODE);
        assertThat(s.markers()).contains(marker);
        assertThat(s.disclosureGap()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Get it here: https://amzn.to/3xYz                              | amzn.to
            Shop: https://www.glowco.com/serum?ref=lena                   | ?ref=
            Shop: glowco.com/serum?utm_source=ig&utm_medium=social        | ?utm_source=
            Link: https://glowco.com/ref/lenasmith                        | /ref/
            Link: https://rstyle.me/+abc                                  | rstyle.me
            Hier geht's zum Produkt (Affiliate-Link)                      | Affiliate-Link
            """)
    void affiliateLinks(String caption, String marker) {
        PostSponsorship s = classify(caption);
        assertThat(s.reasons()).as(caption).containsExactly(SponsorshipReason.AFFILIATE_LINK);
        assertThat(s.markers()).contains(marker);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "Sunday = leg day ✨ #fitness #legday",
                "the code is simple, just practise",
                "My code compiles! #dev",
                "new video: https://bit.ly/abc123",
                "all my links: https://linktr.ee/lena",
                "read more https://news.example.com/sponsored/how-to-run",
                "Werbung ist heute überall",
                "I got an ad-free subscription",
                "Reading about advertising history",
                "Thanks @glowco for the lovely dinner"
            })
    void organicPostsAreNotSponsored(String caption) {
        PostSponsorship s = classify(caption);
        assertThat(s.sponsored()).as(caption + " " + s.markers()).isFalse();
    }

    @Test
    void ambiguousWordingIsOnlyAWeakMarker() {
        PostSponsorship s = classify("In collaboration with @glowco #collab #partner");
        assertThat(s.sponsored()).isFalse();
        assertThat(s.weakMarkers()).containsExactlyInAnyOrder("#collab", "#partner", "In collaboration with");
        // Not sponsored, so no partner brand: a tagged account alone is no deal.
        assertThat(s.partnerBrands()).isEmpty();
    }

    @Test
    void thePaidPartnershipFlagDisclosesAndHashtagListsCount() {
        PostSponsorship flagged = detector.classify(post("p", "New serum", null, true), "lena");
        assertThat(flagged.reasons()).containsExactly(SponsorshipReason.PAID_PARTNERSHIP_FLAG);
        assertThat(flagged.disclosed()).isTrue();
        assertThat(detector.classify(post("p", "New serum", null, false), "lena")
                        .sponsored())
                .isFalse();

        PostSponsorship listed = detector.classify(post("p", "New serum", List.of("Werbung"), null), "lena");
        assertThat(listed.reasons()).containsExactly(SponsorshipReason.DISCLOSURE_MARKER);
        assertThat(listed.markers()).containsExactly("#werbung");
    }

    @Test
    void severalReasonsAndTheCreatorIsNoBrand() {
        PostSponsorship s = detector.classify(
                post("p", "@Lena x @glowco: code LENA15 https://glowco.com/ref/lena #ad", null, true), "lena");
        assertThat(s.reasons()).containsExactlyInAnyOrder(SponsorshipReason.values());
        assertThat(s.partnerBrands()).containsExactly("glowco");
    }

    @Test
    void shareGapAndEvidenceOverTheWindow() {
        List<Post> posts = new ArrayList<>();
        posts.add(post("p0", "New serum #ad code LENA15", null, null)); // disclosed
        posts.add(post("p1", "Love @glowco, code LENA15", null, null)); // gap
        posts.add(post("p2", "Love @glowco, code LENA15", null, true)); // flag discloses
        posts.add(post("p3", "Sunday walk", null, null));
        posts.add(post("p4", "Sunday walk #collab", null, null)); // weak only
        posts.add(post("p5", null, null, null)); // nothing known: left out
        posts.add(post("p6", "Sunday walk", null, false));
        posts.add(post("p7", "Outside the window #ad", null, null));
        Commercialisation c = new SponsorshipDetector(
                        SponsorshipMarkers.bundled(), new CommercialSettings(7, 5, 30, 10))
                .measure(activity(posts));

        assertThat(c.posts()).isEqualTo(6);
        assertThat(c.sponsoredShare().successes()).isEqualTo(3);
        assertThat(c.sponsoredShare().sampleSize()).isEqualTo(6);
        assertThat(c.disclosedByMarker()).isEqualTo(1);
        assertThat(c.paidPartnershipFlag()).isEqualTo(1);
        assertThat(c.codeOrLink()).isEqualTo(3);
        assertThat(c.undisclosed()).isEqualTo(1);
        assertThat(c.disclosureGap().successes()).isEqualTo(1);
        assertThat(c.disclosureGap().sampleSize()).isEqualTo(3);
        assertThat(c.weakOnly()).isEqualTo(1);
        assertThat(c.sponsoredPostIds()).containsExactly("p0", "p1", "p2");
        assertThat(c.undisclosedPostIds()).containsExactly("p1");
        assertThat(c.partnerBrands()).containsExactly("glowco");
        assertThat(c.confidence()).isEqualTo(Confidence.LOW); // 6 posts: low below the midpoint of 5 and 30
    }

    @Test
    void unavailableWithReasons() {
        assertThat(detector.measure(activity(List.of())).unavailableReason()).isEqualTo("no posts in the window");
        assertThat(detector.measure(activity(List.of(post("p", null, null, null))))
                        .unavailableReason())
                .startsWith("neither captions nor paid-partnership labels");
        Commercialisation few = detector.measure(activity(List.of(post("p", "#ad", null, null))));
        assertThat(few.available()).isFalse();
        assertThat(few.unavailableReason()).isEqualTo("only 1 post(s); at least 5 are needed");
        assertThat(few.sponsoredPostIds()).containsExactly("p");
        List<Post> organic = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            organic.add(post("p" + i, "walk", null, null));
        }
        Commercialisation none = detector.measure(activity(organic));
        assertThat(none.sponsoredShare().estimate()).isZero();
        assertThat(none.disclosureGap()).isNull();
    }

    @Test
    void markerListsCanBeReplacedAndAreValidated() throws IOException {
        String json = """
                {"disclosure_hashtags": ["reklame"], "disclosure_phrases": ["betalt samarbejde"],
                 "disclosure_labels": ["reklame"], "weak_hashtags": ["samarbejde"], "weak_phrases": ["i samarbejde med"],
                 "code_keywords": ["rabatkode"], "code_phrases": ["brug min kode"], "affiliate_hosts": ["aff.dk"],
                 "affiliate_query_parameters": ["partnerid"], "affiliate_path_segments": ["henvis"],
                 "affiliate_words": ["affiliatelink"]}
                """;
        SponsorshipDetector danish = new SponsorshipDetector(
                SponsorshipMarkers.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))),
                CommercialSettings.DEFAULT);
        assertThat(danish.classify(post("p", "Ny creme #reklame", null, null), null)
                        .reasons())
                .containsExactly(SponsorshipReason.DISCLOSURE_MARKER);
        assertThat(danish.classify(post("p", "Ny creme #ad", null, null), null).sponsored())
                .isFalse();
        assertThat(danish.classify(post("p", "rabatkode LENA15", null, null), null)
                        .reasons())
                .containsExactly(SponsorshipReason.DISCOUNT_CODE);

        assertThatThrownBy(() -> SponsorshipMarkers.read(new ByteArrayInputStream(
                        "{\"disclosure_hashtags\": [\"ad\"]}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing or empty");
        assertThatThrownBy(
                        () -> SponsorshipMarkers.read(new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
    }

    /**
     * Property: captions assembled at random from organic sentences, disclosure markers, codes and links are
     * classified exactly as assembled (the reference is the construction itself).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void assembledCaptionsAreClassifiedAsAssembled(long seed) {
        String[] organic = {
            "Sunday = leg day ✨",
            "Behind the scenes: meal prep",
            "Heute im Fokus: Krafttraining",
            "Hoy toca: fuerza",
            "Ambiance week-end : yoga",
            "Dietro le quinte: corsa",
            "Bastidores: dança"
        };
        String[] markers = {
            "#ad",
            "#werbung",
            "#anzeige",
            "#publicidad",
            "#publi",
            "#sponsorisé",
            "#pubblicità",
            "#publicidade",
            "#parceria",
            "Paid partnership with @brand",
            "#sponsored"
        };
        String[] codes = {
            "Use code LENA15",
            "Rabattcode MAX20",
            "Código ANA10:",
            "Code promo JULIE15",
            "Codice sconto GIULIA15",
            "Cupom BIA15:"
        };
        String[] links = {"https://brand.com/ref/lena", "https://amzn.to/abc", "brand.com/x?utm_source=ig"};
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            boolean marker = rnd.nextInt(3) == 0;
            boolean code = rnd.nextInt(3) == 0;
            boolean link = rnd.nextInt(3) == 0;
            boolean paid = rnd.nextInt(5) == 0;
            StringBuilder caption = new StringBuilder(organic[rnd.nextInt(organic.length)]);
            if (code) {
                caption.append(". ").append(codes[rnd.nextInt(codes.length)]);
            }
            if (link) {
                caption.append(" ").append(links[rnd.nextInt(links.length)]);
            }
            if (marker) {
                caption.append(" ").append(markers[rnd.nextInt(markers.length)]);
            }
            caption.append("\n\n#fitness #yoga");
            PostSponsorship s = detector.classify(post("p" + i, caption.toString(), null, paid), "lena");

            Set<SponsorshipReason> expected = java.util.EnumSet.noneOf(SponsorshipReason.class);
            if (marker) {
                expected.add(SponsorshipReason.DISCLOSURE_MARKER);
            }
            if (paid) {
                expected.add(SponsorshipReason.PAID_PARTNERSHIP_FLAG);
            }
            if (code) {
                expected.add(SponsorshipReason.DISCOUNT_CODE);
            }
            if (link) {
                expected.add(SponsorshipReason.AFFILIATE_LINK);
            }
            assertThat(s.reasons()).as(caption.toString()).isEqualTo(expected);
            assertThat(s.disclosureGap()).isEqualTo((code || link) && !marker && !paid);
        }
    }

    static AccountActivity activity(List<Post> posts) {
        Account account = new Account(
                Platform.INSTAGRAM,
                "C1",
                "lena",
                null,
                null,
                null,
                "en",
                1000,
                null,
                null,
                false,
                false,
                true,
                null,
                null,
                null,
                NOW);
        return new AccountActivity(account, posts, List.of(), List.of(), List.of(), List.of());
    }
}
