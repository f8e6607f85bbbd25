package io.microreach.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small readers of Mastodon's formats: HTML to text, the {@code Link} header, and the ways to name an account. */
class TextReadingTest {

    @Test
    void htmlBecomesTextWithLineBreaksAndDecodedEntities() {
        assertThat(HtmlText.toText(
                        "<p>a &amp; b<br>c<br />d</p><p>&quot;e&quot; &#39;f&#39; &#x1F33B; &lt;3 &nbsp;</p>"))
                .isEqualTo("a & b\nc\nd\n\n\"e\" 'f' 🌻 <3");
        // Mastodon's link markup: the invisible parts join back into the whole URL
        assertThat(HtmlText.toText("<p><a href=\"https://example.org/a/b\" rel=\"nofollow noopener\" target=\"_blank\">"
                        + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">example.org/a</span>"
                        + "<span class=\"invisible\">/b</span></a></p>"))
                .isEqualTo("https://example.org/a/b");
        assertThat(HtmlText.toText("<ul><li>eins</li><li>zwei</li></ul>")).isEqualTo("eins\nzwei");
        assertThat(HtmlText.toText("")).isNull();
        assertThat(HtmlText.toText("<p></p>")).isNull();
        assertThat(HtmlText.toText(null)).isNull();
        // what is not an entity stays as written; a cut-off tag at the end is dropped
        assertThat(HtmlText.toText("Salz & Pfeffer &unknown; <b")).isEqualTo("Salz & Pfeffer &unknown;");
    }

    @Test
    void theLinkHeaderGivesTheMaxIdOfTheNextPage() {
        assertThat(LinkHeader.nextMaxId(
                        "<https://mastodon.example/api/v1/accounts/14715/followers?limit=2&max_id=7486869>;"
                                + " rel=\"next\", <https://mastodon.example/api/v1/accounts/14715/followers?limit=2&since_id=7489740>;"
                                + " rel=\"prev\""))
                .isEqualTo("7486869");
        // order and spacing do not matter; a last page has only prev
        assertThat(LinkHeader.nextMaxId(
                        "<https://h/api/v1/x?min_id=5>; rel=\"prev\",<https://h/api/v1/x?max_id=4&limit=40>;rel=next"))
                .isEqualTo("4");
        assertThat(LinkHeader.nextMaxId("<https://h/api/v1/x?min_id=5>; rel=\"prev\""))
                .isNull();
        assertThat(LinkHeader.nextMaxId(null)).isNull();
        assertThat(LinkHeader.nextMaxId("<https://h/api/v1/x?limit=40>; rel=\"next\""))
                .isNull();
    }

    @Test
    void accountsAreNamedByHandleUrlOrPlatformId() {
        String host = "mastodon.social";
        assertThat(AccountRef.parse("ines", host)).isEqualTo(new AccountRef(null, "ines"));
        assertThat(AccountRef.parse("@ines", host)).isEqualTo(new AccountRef(null, "ines"));
        assertThat(AccountRef.parse("ines@mastodon.social", host)).isEqualTo(new AccountRef(null, "ines"));
        assertThat(AccountRef.parse("@ines@Mastodon.Social", host)).isEqualTo(new AccountRef(null, "ines"));
        assertThat(AccountRef.parse("@tomas@chaos.social", host)).isEqualTo(new AccountRef(null, "tomas@chaos.social"));
        assertThat(AccountRef.parse("https://mastodon.social/@ines", host)).isEqualTo(new AccountRef(null, "ines"));
        assertThat(AccountRef.parse("https://chaos.social/@tomas/113520402293847561", host))
                .isEqualTo(new AccountRef(null, "tomas@chaos.social"));
        assertThat(AccountRef.parse("https://mastodon.social/@tomas@chaos.social", host))
                .isEqualTo(new AccountRef(null, "tomas@chaos.social"));
        assertThat(AccountRef.parse("mastodon.social:109302736583401234", host))
                .isEqualTo(new AccountRef("109302736583401234", null));
        assertThat(AccountRef.parse("chaos.social:42", host)).isNull();
        assertThat(AccountRef.parse("https://mastodon.social/about", host)).isNull();
        assertThat(AccountRef.parse("a b", host)).isNull();
        assertThat(AccountRef.parse(" ", host)).isNull();
    }
}
