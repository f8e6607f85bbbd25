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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Discover and the shared navigation on a 390 px wide phone. */
class DiscoverMobileBrowserTest extends BrowserTest {
    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    @BeforeEach
    void data() {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 40, 5);
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    private long innerWidth() {
        return ((Number) js("return window.innerWidth")).longValue();
    }

    private void assertNoHorizontalOverflow(String page) {
        assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue())
                .as("page width of " + page)
                .isLessThanOrEqualTo(innerWidth());
    }

    @Test
    void discoverShowsResultsAsCardsAndFoldsTheFacetsAway() {
        open("/discover");
        WebElement table = waitFor(By.id("results-table"));
        assertThat(innerWidth()).isBetween(370L, 390L);
        assertNoHorizontalOverflow("/discover");

        WebElement facets = driver.findElement(By.id("facets-body"));
        WebElement toggle = driver.findElement(By.cssSelector(".facets-toggle"));
        assertThat(facets.isDisplayed()).as("facets folded away").isFalse();
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        // The facets sit above the results, not beside them.
        assertThat(toggle.getRect().getY()).isLessThan(table.getRect().getY());

        WebElement card = table.findElement(By.cssSelector("tbody tr"));
        assertThat(card.getRect().getWidth()).isLessThanOrEqualTo((int) innerWidth());
        for (String cell : List.of("a.handle", "td.niches", "td.followers", "td.er", "td.trust", "td.price")) {
            WebElement e = card.findElement(By.cssSelector(cell));
            assertThat(e.isDisplayed()).as(cell + " shown on the card").isTrue();
            assertThat(e.getRect().getX() + e.getRect().getWidth())
                    .as(cell + " inside the screen")
                    .isLessThanOrEqualTo((int) innerWidth());
        }
        // Each value on the card carries its name (drawn by the stylesheet from data-label).
        for (String cell : List.of("followers", "er", "trust")) {
            assertThat(js(
                            "return getComputedStyle(arguments[0], '::before').content",
                            card.findElement(By.cssSelector("td." + cell))))
                    .asString()
                    .contains(card.findElement(By.cssSelector("td." + cell)).getAttribute("data-label"));
        }
        documentationScreenshot("discover-phone");

        toggle.click();
        waitUpTo(5).until(d -> d.findElement(By.id("facets-body")).isDisplayed());
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        WebElement facet = driver.findElement(By.cssSelector("ul[data-facet=tier] a"));
        assertThat(facet.isDisplayed()).isTrue();
        assertNoHorizontalOverflow("/discover with the facets open");

        driver.findElement(By.cssSelector(".filters-box summary")).click();
        assertThat(driver.findElement(By.id("f-fmin")).isDisplayed()).isTrue();
        assertNoHorizontalOverflow("/discover with the filters open");
    }

    @Test
    void filtersInForceShowAsChipsWithTheFilterBoxFoldedUnlessAFieldNeedsAChange() {
        open("/discover?tier=micro,nano&followers_min=1k");
        waitFor(By.id("active-filters"));
        assertThat(driver.findElement(By.cssSelector(".filters-box")).getAttribute("open"))
                .isNull();
        assertThat(driver.findElements(By.cssSelector("#active-filters .chip")))
                .extracting(e -> e.getText().replaceAll("\\s+", " "))
                .containsExactly("Size: Micro (5k–50k) ×", "Size: Nano (under 5k) ×", "Followers from: 1k ×");
        assertNoHorizontalOverflow("/discover with chips");

        open("/discover?followers_min=lots");
        assertThat(waitFor(By.id("f-fmin-error")).getText()).contains("not a whole number");
        assertThat(driver.findElement(By.cssSelector(".filters-box")).getAttribute("open"))
                .isNotNull();
        assertNoHorizontalOverflow("/discover with an error");
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // the page's own 400, expected
    }

    @Test
    void theNavigationFitsAndWorksOnEveryPage() {
        long account = jdbc.queryForObject("SELECT min(id) FROM account", Long.class);
        for (String page : List.of(
                "/discover", "/creators", "/creators/" + account, "/shortlists", "/campaigns", "/import", "/sources")) {
            open(page);
            WebElement header = waitFor(By.tagName("header"));
            assertThat(((Number) js("return arguments[0].scrollWidth", header)).longValue())
                    .as("header width on " + page)
                    .isLessThanOrEqualTo(innerWidth());
            List<WebElement> links = header.findElements(By.cssSelector("nav a"));
            assertThat(links).hasSize(6);
            for (WebElement link : links) {
                assertThat(link.isDisplayed()).isTrue();
                assertThat(link.getRect().getX() + link.getRect().getWidth())
                        .as(link.getText() + " on " + page)
                        .isLessThanOrEqualTo((int) innerWidth());
            }
        }
        open("/import");
        waitFor(By.tagName("header"))
                .findElement(By.xpath(".//nav/a[normalize-space(.)='Discover']"))
                .click();
        waitFor(By.id("discover-form"));
        assertNoHorizontalOverflow("/discover");
        open("/creators");
        waitFor(By.tagName("main"));
        assertNoHorizontalOverflow("/creators");
        open("/import");
        waitFor(By.tagName("main"));
        assertNoHorizontalOverflow("/import");
    }
}
