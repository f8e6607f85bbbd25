package io.microreach.app.creators;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.TestIdentity;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The creator page as a marketer reads it: a verdict line with red flags first, every trust component in its own
 * unit, no raw ids, long lists paged with suspected fake followers marked, honest audience overlaps, the way back to
 * the Discover search, and a phone-width page without horizontal overflow. Also: an account imported with a follower
 * count and nothing else breaks no other creator's lookalikes.
 */
class CreatorVerdictBrowserTest extends BrowserTest {
    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private static boolean loaded;

    @BeforeEach
    void data() throws Exception {
        if (!loaded) {
            emptyPublicTables();
            jdbc.update("DELETE FROM shortlist");
            ScoredData.load(importer, scorer, dir, 150, 17);
            // 9,000 followers and nothing else: no posts, no follower sample, no commenters.
            Path bare = dir.resolve("bare.jsonl");
            Files.writeString(
                    bare,
                    "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"bare-9000\",\"handle\":\"bare.ninethousand\","
                            + "\"followers\":9000}\n");
            importer.importFile(bare, ImportProgress.NONE);
            scorer.scoreQueued(ScoringProgress.NONE);
            loaded = true;
        }
    }

    @AfterAll
    static void reload() {
        loaded = false;
    }

    /** A scored instagram account with at least 25% suspicious followers and more than 20 sampled followers. */
    private long boughtFollowers() {
        return jdbc.queryForObject(
                "SELECT s.account_id FROM account_score s JOIN account a ON a.id = s.account_id"
                        + " WHERE s.suspicious_share >= 0.25 AND s.trust_score IS NOT NULL AND a.platform = 'instagram'"
                        + " AND (SELECT count(*) FROM follower_sample f WHERE f.account_id = a.id) > 20"
                        + " ORDER BY s.suspicious_share DESC, a.id LIMIT 1",
                Long.class);
    }

    private long bareAccount() {
        return jdbc.queryForObject("SELECT id FROM account WHERE handle = 'bare.ninethousand'", Long.class);
    }

    @Test
    void verdictComesFirstWithRedFlagsAndEveryComponentReadsInItsUnit() {
        long id = boughtFollowers();
        open("/creators/" + id);
        WebElement verdict = waitFor(By.id("verdict"));
        String text = verdict.getText();
        assertThat(text).startsWith("Check before booking.").contains("Red flags:");
        assertThat(text.indexOf("of sampled followers look suspicious"))
                .as("the fake-follower flag is in the red flags, before the good signs: " + text)
                .isPositive()
                .isLessThan(text.contains("Good:") ? text.indexOf("Good:") : Integer.MAX_VALUE);
        // The verdict is above the charts and the scorecard.
        Number verdictTop = (Number) js("return document.getElementById('verdict').getBoundingClientRect().top");
        Number chartsTop = (Number) js("return document.getElementById('charts').getBoundingClientRect().top");
        assertThat(verdictTop.doubleValue()).isLessThan(chartsTop.doubleValue());

        List<WebElement> values = driver.findElements(By.cssSelector("#trust-breakdown td.value"));
        assertThat(values).hasSize(7);
        for (WebElement v : values) {
            assertThat(v.getText())
                    .as("a value with its unit, not a bare 0..1 number")
                    .matches(".*(%|/ 100 cohesion|found|not checked).*")
                    .doesNotMatch("^0\\.\\d+$");
        }
        String real = driver.findElement(By.cssSelector("#signal-real_followers td.value"))
                .getText();
        assertThat(real).matches("\\d+\\.\\d% real \\(\\d+\\.\\d% suspicious\\)");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page)
                .as("no raw ids")
                .doesNotContain("replyDelayHours")
                .doesNotContain("trustScore")
                .doesNotContain("real_followers")
                .doesNotContain("instagram:")
                .doesNotContainPattern("\\b\\d{15,}\\b");
    }

    @Test
    void longListsArePagedAndSuspectedFakeFollowersAreMarkedWithTheirReasons() {
        long id = boughtFollowers();
        open("/creators/" + id);
        assertThat(driver.findElements(By.cssSelector("#followers-table tbody tr")))
                .hasSizeLessThanOrEqualTo(20);
        assertThat(driver.findElements(By.cssSelector("#posts-table tbody tr"))).hasSizeLessThanOrEqualTo(20);
        assertThat(driver.findElements(By.cssSelector("#comments-table tbody tr")))
                .hasSizeLessThanOrEqualTo(20);
        List<WebElement> marks = driver.findElements(By.cssSelector("#followers-table .pill.fake"));
        assertThat(marks)
                .as("suspected fakes on the first page of a bought audience")
                .isNotEmpty();
        assertThat(marks.get(0).getAttribute("title")).startsWith("Looks suspicious (model probability");
        String firstHandle = driver.findElement(By.cssSelector("#followers-table tbody tr td"))
                .getText();
        driver.findElement(By.cssSelector("#followers-pager a.pager-next")).click();
        waitUpTo(10)
                .until(d -> d.findElement(By.cssSelector("#followers-pager"))
                        .getText()
                        .startsWith("Showing 21–"));
        assertThat(driver.findElement(By.cssSelector("#followers-table tbody tr td"))
                        .getText())
                .isNotEqualTo(firstHandle);
        Number height = (Number) js("return document.documentElement.scrollHeight");
        assertThat(height.intValue()).as("page height in px").isLessThan(10_000);
    }

    @Test
    void backLinkReturnsToTheDiscoverSearchTheUserCameFrom() {
        long id = boughtFollowers();
        open("/discover?text=skincare&country=DE");
        js("window.location.href = arguments[0]", "/creators/" + id);
        waitFor(By.id("back-to-discover"));
        assertThat(driver.findElement(By.id("back-to-discover")).getAttribute("href"))
                .endsWith("/discover?text=skincare&country=DE");
        // The query survives paging within the creator page.
        driver.findElement(By.cssSelector("#followers-pager a.pager-next")).click();
        waitUpTo(10)
                .until(d -> d.findElement(By.cssSelector("#followers-pager"))
                        .getText()
                        .startsWith("Showing 21–"));
        assertThat(driver.findElement(By.id("back-to-discover")).getAttribute("href"))
                .endsWith("/discover?text=skincare&country=DE");
        open("/creators/" + id);
        assertThat(driver.findElement(By.id("back-to-discover")).getAttribute("href"))
                .endsWith("/discover");
    }

    @Test
    void sharedAudienceShowsOnlyThisPlatformAndSaysNotEnoughDataForWideRanges() {
        long id = boughtFollowers();
        open("/creators/" + id);
        waitFor(By.cssSelector("#lookalikes-body h3"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#audience-lookalikes li"));
        assertThat(rows).isNotEmpty();
        for (WebElement row : rows) {
            String text = row.getText();
            assertThat(text).startsWith("@").doesNotContain(":");
            List<WebElement> bars = row.findElements(By.tagName("meter"));
            if (text.contains("not enough data")) {
                assertThat(bars).as("no bar for a wide range: " + text).isEmpty();
            } else {
                assertThat(bars).hasSize(1);
                // The shown range is at most 50 points wide.
                var m = java.util.regex.Pattern.compile("\\((\\d+)–(\\d+)%\\)").matcher(text);
                assertThat(m.find()).as(text).isTrue();
                assertThat(Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1)))
                        .isLessThanOrEqualTo(51);
            }
            WebElement link = row.findElement(By.tagName("a"));
            long other = Long.parseLong(link.getAttribute("href").replaceAll(".*/creators/(\\d+).*", "$1"));
            assertThat(jdbc.queryForObject("SELECT platform FROM account WHERE id = ?", String.class, other))
                    .isEqualTo("instagram");
        }
    }

    @Test
    void anAccountWithOnlyAFollowerCountBreaksNoLookalikesAndSaysNotEnoughAudienceData() throws Exception {
        long bare = bareAccount();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audience_sketch WHERE account_id = ?", Long.class, bare))
                .as("the bare account has a (empty) audience sketch, the case that crashed")
                .isEqualTo(1L);
        List<Long> others = jdbc.queryForList(
                "SELECT account_id FROM audience_sketch WHERE account_id <> ? ORDER BY account_id LIMIT 40",
                Long.class,
                bare);
        for (long other : others) {
            HttpResponse<String> r = get("/creators/" + other + "/lookalikes");
            assertThat(r.statusCode()).as("lookalikes of " + other).isEqualTo(200);
            assertThat(r.body()).doesNotContain("NaN");
        }
        HttpResponse<String> own = get("/creators/" + bare + "/lookalikes");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Not enough audience data");
        HttpResponse<String> api = get("/api/accounts/instagram/" + "bare.ninethousand" + "/audience-lookalikes");
        assertThat(api.statusCode()).isEqualTo(200);
        // A shortlist's overlap matrix holding the bare account: an unknown cell, not a failure.
        String other = jdbc.queryForObject(
                "SELECT a.handle FROM account a JOIN audience_sketch s ON s.account_id = a.id"
                        + " WHERE a.platform = 'instagram' AND a.id <> ? ORDER BY a.id LIMIT 1",
                String.class,
                bare);
        HttpResponse<String> matrix = get("/api/overlap?platform=instagram&handles=bare.ninethousand," + other);
        assertThat(matrix.statusCode()).as(matrix.body()).isEqualTo(200);
        assertThat(matrix.body()).doesNotContain("NaN");
        open("/creators/" + bare);
        waitFor(By.id("audience-no-data"));
        assertThat(driver.findElement(By.id("verdict")).getText()).isNotBlank();
    }

    @Test
    void theCreatorPageWorksAtPhoneWidthWithoutHorizontalOverflow() {
        long id = boughtFollowers();
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/creators/" + id);
        waitFor(By.id("verdict"));
        waitFor(By.cssSelector("#lookalikes-body h3"));
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue())
                .as(
                        "too wide: %s",
                        js("return Array.from(document.querySelectorAll('main *'))"
                                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                                + " && !e.closest('.scroll')).slice(0, 5).map(e => e.tagName + '#' + e.id + '.'"
                                + " + e.className).join(', ')"))
                .isLessThanOrEqualTo(0);
        // The verdict and the scorecard's values are readable without scrolling sideways.
        assertThat(driver.findElement(By.id("verdict")).getRect().getWidth()).isLessThanOrEqualTo(390);
        assertThat(driver.findElement(By.cssSelector("#signal-engagement td.value"))
                        .isDisplayed())
                .isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(TestIdentity.request(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
