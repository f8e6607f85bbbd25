package io.microreach.app.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.search.Labels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class DiscoverBrowserTest extends BrowserTest {
    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    Labels labels;

    @TempDir
    Path dir;

    @BeforeEach
    void data() {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 40, 5);
    }

    @Test
    void searchWithABriefAndFiltersExplainsRanksAndAddsThreeToAShortlist() {
        String platform = jdbc.queryForObject(
                "SELECT platform FROM account GROUP BY platform ORDER BY count(*) DESC LIMIT 1", String.class);
        long expected = jdbc.queryForObject(
                "SELECT count(*) FROM account a JOIN account_embedding e ON e.account_id = a.id WHERE a.platform = ?",
                Long.class,
                platform);

        open("/");
        waitFor(By.id("discover-form"));
        assertThat(driver.findElements(By.cssSelector("#results-table tbody tr")))
                .isNotEmpty();
        assertThat(driver.findElement(By.cssSelector(".facets")).getText()).contains("Niche", "Size", "Platform");

        driver.findElement(By.id("brief")).sendKeys("fitness coach sharing home workouts and healthy training tips");
        driver.findElement(By.cssSelector(".filters-box summary")).click();
        new Select(driver.findElement(By.id("f-platform"))).selectByValue(platform);
        driver.findElement(By.cssSelector("#discover-form button[type=submit]")).click();
        waitUpTo(15).until(ExpectedConditions.urlContains("brief="));
        waitFor(By.id("results-table"));

        // A brief matches the accounts closer to it than the pool's average one, not every account with an embedding.
        long shown = Long.parseLong(driver.findElement(By.id("result-count"))
                .getText()
                .split(" ")[0]
                .replace(",", ""));
        assertThat(shown).isBetween(1L, expected);
        List<WebElement> rows = driver.findElements(By.cssSelector("#results-table tbody tr"));
        assertThat(rows).isNotEmpty();
        for (WebElement row : rows) {
            assertThat(row.findElement(By.cssSelector("td:first-child .platform"))
                            .getText())
                    .isEqualTo(labels.platform(platform));
        }

        WebElement why = rows.get(0).findElement(By.cssSelector("details.why"));
        why.findElement(By.tagName("summary")).click();
        assertThat(why.findElement(By.cssSelector("ul.explain")).getText())
                .contains("Similarity to the brief", "Trust", "Score");

        driver.findElement(By.id("target-new")).sendKeys("Discover picks");
        for (int i = 0; i < 3; i++) {
            driver.findElements(By.cssSelector("#results-table tbody tr form.add-row button"))
                    .get(0)
                    .click();
            int done = i + 1;
            waitUpTo(10).until(d -> d.findElements(By.cssSelector(".add-done")).size() == done);
        }
        assertThat(driver.findElements(By.cssSelector(".add-done")).get(0).getText())
                .contains("Added to Discover picks");
        js("document.querySelectorAll('.scroll').forEach(function (e) { e.scrollLeft = 0; }); window.scrollTo(0, 0);");
        documentationScreenshot("discover");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM shortlist_entry e JOIN shortlist s ON s.id = e.shortlist_id"
                                + " WHERE s.name = 'Discover picks'",
                        Long.class))
                .isEqualTo(3);
    }

    @Test
    void aMalformedFilterNamesTheFieldAndKeepsTheForm() {
        open("/discover?trust_min=abc&query=yoga");
        WebElement error = waitFor(By.id("search-error"));
        assertThat(error.getText())
                .contains("Trust score at least")
                .contains("abc")
                .doesNotContain("trust_min");
        assertThat(driver.findElement(By.id("f-trust-error")).getText()).contains("a score from 0 to 100");
        assertThat(driver.findElement(By.id("query")).getAttribute("value")).isEqualTo("yoga");
        assertThat(driver.findElement(By.id("f-trust")).getAttribute("value")).isEqualTo("abc");
        // The page itself answered 400 (which the browser logs as a failed load); nothing else may be in the console.
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .singleElement()
                .asString()
                .contains("status of 400");
    }
}
