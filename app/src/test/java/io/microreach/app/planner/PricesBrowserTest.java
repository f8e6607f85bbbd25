package io.microreach.app.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.search.IndexProgress;
import io.microreach.app.search.SearchIndex;
import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A marketer enters a YouTube creator's rate card in euros on the creator page and sees that one price in Discover,
 * on the shortlist and in a plan; the form offers only the formats YouTube has and names a refused field inline.
 */
class PricesBrowserTest extends BrowserTest {
    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    SearchIndex index;

    @Autowired
    ShortlistService shortlists;

    @TempDir
    Path dir;

    private long accountId;
    private String handle;

    @BeforeEach
    void data() {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 60, 5);
        index.rebuild(IndexProgress.NONE);
        accountId = jdbc.queryForObject(
                "SELECT a.id FROM account a JOIN account_score s ON s.account_id = a.id WHERE a.platform = 'youtube'"
                        + " ORDER BY a.followers DESC LIMIT 1",
                Long.class);
        handle = jdbc.queryForObject("SELECT handle FROM account WHERE id = ?", String.class, accountId);
    }

    @Test
    void aRateCardEnteredOnTheCreatorPageIsThePriceInDiscoverTheShortlistAndThePlan() {
        open("/creators/" + accountId);
        WebElement lines = waitFor(By.id("price-lines"));
        assertThat(lines.findElements(By.cssSelector("tbody tr")).stream()
                        .map(r -> r.findElement(By.tagName("td")).getText())
                        .toList())
                .containsExactly("Video", "Short");
        assertThat(lines.findElement(By.cssSelector("tbody tr .price-basis")).getText())
                .startsWith("estimate from followers and engagement");
        assertThat(new Select(driver.findElement(By.id("rc-deliverable")))
                        .getOptions().stream().map(WebElement::getText).toList())
                .containsExactly("Video", "Short");

        // A bad amount is refused inline, naming the field, and the section keeps working.
        driver.findElement(By.id("rc-amount")).sendKeys("five hundred");
        driver.findElement(By.cssSelector("#rate-card-form button[type=submit]"))
                .click();
        WebElement error = waitFor(By.id("rate-card-error"));
        assertThat(error.getText()).startsWith("amount: 'five hundred' is not a number");
        assertThat(driver.findElement(By.id("rc-amount")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .allSatisfy(e -> assertThat(e.getMessage()).contains("status of 400"));

        WebElement amount = driver.findElement(By.id("rc-amount"));
        amount.clear();
        amount.sendKeys("500");
        new Select(driver.findElement(By.id("rc-currency"))).selectByValue("EUR");
        driver.findElement(By.cssSelector("#rate-card-form button[type=submit]"))
                .click();
        waitUpTo(15).until(d -> d.findElement(By.id("prices-body")).getText().contains("Saved: Video 500 EUR."));
        WebElement video = driver.findElement(By.cssSelector("#price-lines tbody tr"));
        assertThat(video.findElement(By.cssSelector(".price-amount")).getText()).isEqualTo("≈ 535 USD");
        assertThat(video.findElement(By.cssSelector(".price-basis")).getText())
                .startsWith("rate card, entered ")
                .endsWith("converted from EUR at 1.0705 on 2024-06-28");

        open("/discover?platform=youtube&sort=followers");
        WebElement cell = waitFor(By.cssSelector("#hit-" + accountId + " .price-amount"));
        assertThat(cell.getText()).isEqualTo("≈ 535 USD");
        assertThat(cell.getAttribute("title")).startsWith("Video: rate card");

        Shortlist list = shortlists.create("Rate cards");
        shortlists.add(list.id(), accountId);
        open("/shortlists?list=" + list.id());
        WebElement listed = waitFor(By.cssSelector("#price-" + accountId + " .price-amount"));
        assertThat(listed.getText()).isEqualTo("≈ 535 USD");

        new Select(driver.findElement(By.id("p-currency"))).selectByValue("EUR");
        driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        waitFor(By.id("plan-table"));
        List<WebElement> planned = driver.findElements(By.cssSelector("#plan-table tbody tr"));
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).getText()).contains("@" + handle).contains("video");
        assertThat(planned.get(0).findElement(By.cssSelector(".plan-price")).getText())
                .isEqualTo("500 EUR");
        assertThat(planned.get(0)
                        .findElement(By.cssSelector(".plan-price-basis"))
                        .getText())
                .startsWith("rate card, entered ");
    }
}
