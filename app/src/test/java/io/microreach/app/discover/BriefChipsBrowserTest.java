package io.microreach.app.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A brief's country and size words show as chips above the results; a chip is removed or made a filter in a click. */
class BriefChipsBrowserTest extends BrowserTest {
    private static final String BRIEF =
            "We sell organic vegan skincare in Germany and want honest reviews from small creators";

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    @BeforeEach
    void data() {
        emptyPublicTables();
        ScoredData.load(importer, scorer, dir, 40, 5);
    }

    private List<WebElement> chips() {
        return driver.findElements(By.cssSelector("#brief-chips li.brief-chip"));
    }

    @Test
    void briefChipsCanBeRemovedAndTurnedIntoFilters() {
        open("/discover");
        waitFor(By.id("discover-form"));
        assertThat(driver.findElement(By.id("result-order")).getText())
                .startsWith("Sorted by fit for a micro-influencer campaign");

        driver.findElement(By.id("brief")).sendKeys(BRIEF);
        driver.findElement(By.cssSelector("#discover-form button[type=submit]")).click();
        waitUpTo(15).until(ExpectedConditions.urlContains("brief="));
        waitFor(By.id("brief-chips"));

        List<WebElement> chips = chips();
        assertThat(chips).hasSize(2);
        assertThat(chips.get(0).getText()).contains("Country: Germany", "filter", "from “Germany”");
        assertThat(chips.get(1).getText())
                .contains("Size: Micro (5k–50k followers)", "ranked higher", "from “small creators”");
        assertThat(driver.findElement(By.id("result-order")).getText()).contains("matches the brief");

        // A boost becomes a filter: the tier filter is set and the chip says so.
        chips.get(1).findElement(By.cssSelector("a.chip-filter")).click();
        waitUpTo(15).until(ExpectedConditions.urlContains("tier=micro"));
        waitFor(By.id("brief-chips"));
        assertThat(chips().get(1).getText()).contains("now a filter you set");
        assertThat(driver.findElement(By.cssSelector("#f-tier option:checked")).getAttribute("value"))
                .isEqualTo("micro");
        assertThat(driver.findElements(By.cssSelector("#results-table tbody tr td.tier")))
                .allSatisfy(td -> assertThat(td.getText()).isEqualToIgnoringCase("micro"));

        // One click removes the country chip; the removal survives the next search from the form.
        chips().get(0).findElement(By.cssSelector("a.chip-remove")).click();
        waitUpTo(15).until(ExpectedConditions.urlContains("brief_ignore=country"));
        waitFor(By.id("discover-form"));
        assertThat(chips()).extracting(WebElement::getText).noneMatch(t -> t.contains("Germany"));
        WebElement before = driver.findElement(By.id("result-count"));
        driver.findElement(By.cssSelector("#discover-form button[type=submit]")).click();
        // The URL already holds brief_ignore: wait for the new results to replace the old ones instead.
        waitUpTo(15).until(ExpectedConditions.stalenessOf(before));
        waitFor(By.id("result-count"));
        assertThat(driver.getCurrentUrl()).contains("brief_ignore=country");
        assertThat(chips()).extracting(WebElement::getText).noneMatch(t -> t.contains("Germany"));
        assertNoConsoleErrors();
    }
}
