package io.microreach.app.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A marketer pastes a Bluesky profile URL into Discover's "add a creator" box, watches the run page until the creator
 * is fetched and scored, opens the creator page and sees where its numbers come from; a keyword crawl starts from
 * the Sources page; both pages work at phone width.
 */
class SourcesBrowserTest extends BrowserTest {
    private BlueskyStandIn appView;

    @BeforeEach
    void clean() {
        emptyPublicTables();
        jdbc.execute("TRUNCATE crawl_run, crawl_source_state, account_source, source_setting CASCADE");
        appView = new BlueskyStandIn();
        jdbc.update("INSERT INTO source_setting (source, base_url) VALUES ('bluesky', ?)", appView.baseUrl());
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    @Test
    void addACreatorFromDiscoverByProfileUrlAndSeeItsSource() {
        open("/discover");
        driver.findElement(By.cssSelector(".add-creator-box summary")).click();
        driver.findElement(By.id("add-account")).sendKeys("https://bsky.app/profile/ben.bsky.social");
        driver.findElement(By.cssSelector("form.add-creator button[type=submit]"))
                .click();

        waitUpTo(60).until(ExpectedConditions.attributeToBe(By.id("progress"), "data-state", "completed"));
        assertThat(driver.findElement(By.id("progress")).getText()).contains("bluesky · completed");
        driver.findElement(By.linkText("@ben.bsky.social")).click();

        waitFor(By.id("provenance"));
        assertThat(driver.findElement(By.cssSelector("#provenance summary")).getText())
                .startsWith("Source: Bluesky API, profile of ");
        driver.findElement(By.cssSelector("#provenance summary")).click();
        assertThat(driver.findElement(By.id("provenance")).getText())
                .contains("newest post 2024-11-20")
                .contains("Unavailable from this source");
        assertNoConsoleErrors();
        assertNoAlert();
    }

    @Test
    void startAKeywordCrawlOnThePhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/sources");
        assertThat(driver.findElement(By.id("source-bluesky")).getText()).contains("ready");
        driver.findElement(By.id("crawl-query")).sendKeys(BlueskyStandIn.KEYWORD);
        driver.findElement(By.cssSelector("#crawl-form button[type=submit]")).click();

        waitUpTo(90).until(ExpectedConditions.attributeToBe(By.id("progress"), "data-state", "completed"));
        assertThat(driver.findElement(By.id("fetched")).getText())
                .contains("@anna.bsky.social")
                .contains("@ben.bsky.social")
                .doesNotContain("tiny");
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
        documentationScreenshot("sources-run");
        assertNoConsoleErrors();
    }
}
