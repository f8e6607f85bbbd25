package io.microreach.app.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

/** Discover as a marketer uses it: facets that refine, values typed as people type them, errors in place, Back. */
class DiscoverFiltersBrowserTest extends BrowserTest {
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
    }

    private String country() {
        return jdbc.queryForObject(
                "SELECT country FROM account WHERE country IS NOT NULL GROUP BY country ORDER BY count(*) DESC, country"
                        + " LIMIT 1",
                String.class);
    }

    private static String countryName(String code) {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
    }

    private String decodedUrl() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }

    private List<String> chips() {
        return driver.findElements(By.cssSelector("#active-filters .chip")).stream()
                .map(e -> e.getText().replaceAll("\\s+", " "))
                .toList();
    }

    private void search() {
        driver.findElement(By.cssSelector("#discover-form button[type=submit]")).click();
    }

    @Test
    void aFacetClickAddsToTheFiltersInForceShowsThemAndASecondClickTakesItOut() {
        String code = country();
        String name = countryName(code);
        open("/discover?query=&country=" + name.replace(" ", "+") + "&followers_min=1,000&sort=followers");
        waitFor(By.id("results-table"));
        assertThat(driver.findElements(By.id("search-error"))).isEmpty();
        String countryChip = "Country: " + name + " (" + code + ") ×";
        assertThat(chips()).contains(countryChip, "Followers from: 1,000 ×");

        List<WebElement> facetLinks = driver.findElements(By.cssSelector(".facets a"));
        assertThat(facetLinks).isNotEmpty();
        for (WebElement link : facetLinks) {
            assertThat(link.getText()).as("facet labels are words, not ids").doesNotContain("_");
        }
        assertThat(driver.findElement(By.cssSelector("ul[data-facet=tier]")).getText())
                .containsPattern("(Nano \\(under 5k\\)|Micro \\(5k–50k\\)|Mid \\(50k–500k\\))");
        assertThat(driver.findElement(By.cssSelector("ul[data-facet=country]")).getText())
                .contains(name + " (" + code + ")");
        assertThat(driver.findElement(By.cssSelector("ul[data-facet=country] li.active"))
                        .getText())
                .contains(name);

        WebElement niche = driver.findElement(By.cssSelector("ul[data-facet=niche] li:not(.active) a"));
        String nicheLabel = niche.getText();
        niche.click();
        waitUpTo(15).until(ExpectedConditions.urlContains("niche="));
        String url = decodedUrl();
        assertThat(url).contains("country=" + name, "followers_min=1,000", "sort=followers");
        assertThat(chips()).contains(countryChip, "Followers from: 1,000 ×", "Niche: " + nicheLabel + " ×");
        assertThat(new Select(driver.findElement(By.id("f-niche")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo(nicheLabel);
        assertThat(driver.findElement(By.id("f-country")).getAttribute("value")).isEqualTo(name);
        assertThat(new Select(driver.findElement(By.id("f-sort")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Followers");
        for (WebElement pill : driver.findElements(By.cssSelector("#results-table .pill"))) {
            assertThat(pill.getText()).doesNotContain("_");
        }

        driver.findElement(By.cssSelector("ul[data-facet=niche] li.active a")).click();
        waitUpTo(15).until(d -> !decodedUrl().contains("niche="));
        assertThat(decodedUrl()).contains("country=" + name, "followers_min=1,000");
        assertThat(chips()).contains(countryChip).noneMatch(c -> c.startsWith("Niche"));

        driver.findElement(By.xpath("//a[contains(@class,'chip')][starts-with(normalize-space(.),'Country')]"))
                .click();
        waitUpTo(15).until(d -> !decodedUrl().contains("country="));
        assertThat(chips()).containsExactly("Followers from: 1,000 ×");
    }

    @Test
    void valuesTypedAsPeopleTypeThemAreUnderstood() {
        String code = country();
        open("/discover");
        waitFor(By.id("results-table"));
        driver.findElement(By.cssSelector(".filters-box summary")).click();
        WebElement followers = driver.findElement(By.id("f-fmin"));
        assertThat(followers.getAttribute("placeholder")).startsWith("e.g.");
        assertThat(followers.getAttribute("value")).isEmpty();
        assertThat(js("return getComputedStyle(arguments[0], '::placeholder').fontStyle", followers))
                .isEqualTo("italic");
        followers.sendKeys("1.000");
        driver.findElement(By.id("f-fmax")).sendKeys("5M");
        driver.findElement(By.id("f-susp")).sendKeys("90%");
        // The country's German name ("Deutschland", "Vereinigte Staaten"): names are understood in several languages.
        String germanName = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.GERMAN);
        driver.findElement(By.id("f-country")).sendKeys(germanName);
        search();
        waitUpTo(15).until(ExpectedConditions.urlContains("suspicious_max="));
        waitFor(By.id("active-filters"));
        assertThat(driver.findElements(By.id("search-error"))).isEmpty();
        assertThat(decodedUrl())
                .contains("followers_min=1.000", "suspicious_max=90%")
                .doesNotContain("brief=");
        assertThat(chips())
                .contains("Followers from: 1.000 ×", "Followers to: 5M ×", "Suspicious followers at most: 90% ×");
        assertThat(chips()).contains("Country: " + countryName(code) + " (" + code + ") ×");
        // The same search in the API's documented forms finds the same creators.
        String api = http("/api/search?country=" + code
                + "&followers_min=1000&followers_max=5000000&suspicious_max=0.9&limit=1&facets=false");
        String total = api.replaceAll("(?s).*\"total\":(\\d+).*", "$1");
        assertThat(driver.findElement(By.id("result-count")).getText()).startsWith(total + " ");
    }

    @Test
    void aBadValueIsExplainedAtItsFieldAndTheNextSearchWorks() {
        open("/discover");
        waitFor(By.id("results-table"));
        driver.findElement(By.cssSelector(".filters-box summary")).click();
        driver.findElement(By.id("f-fmin")).sendKeys("lots");
        driver.findElement(By.id("f-country")).sendKeys("Atlantis");
        search();
        WebElement followersError = waitFor(By.id("f-fmin-error"));
        assertThat(followersError.getText()).contains("'lots' is not a whole number", "5,000", "5k");
        assertThat(driver.findElement(By.id("f-country-error")).getText()).contains("Atlantis", "Germany", "DE");
        assertThat(driver.findElement(By.id("f-fmin")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(driver.findElement(By.id("search-error")).getText())
                .contains("Followers from", "Country")
                .doesNotContain("followers_min");
        consume400s();

        driver.findElement(By.id("f-fmin")).clear();
        driver.findElement(By.id("f-fmin")).sendKeys("2k");
        driver.findElement(By.id("f-country")).clear();
        search();
        waitUpTo(15).until(d -> d.findElements(By.id("search-error")).isEmpty());
        waitFor(By.id("result-count"));
        assertThat(driver.findElements(By.cssSelector(".field-error"))).isEmpty();
        assertThat(decodedUrl()).contains("followers_min=2k");
    }

    @Test
    void anOverlongQueryGetsAMessageInTheResultsAndTheNextSearchWorks() {
        open("/discover");
        waitFor(By.id("results-table"));
        js("document.getElementById('query').value = 'a'.repeat(10000)");
        search();
        WebElement error = waitFor(By.id("search-error"));
        assertThat(error.getText()).contains("Keywords", "at most 500 characters, got 10,000");
        assertThat(driver.findElement(By.id("query-error")).getText()).contains("at most 500 characters");
        consume400s();

        // Beyond what the server reads at all: its own bare 400 page must not replace the page.
        js("document.getElementById('query').value = ''; document.getElementById('brief').value = '€'.repeat(30000)");
        search();
        waitUpTo(15).until(d -> d.findElement(By.id("search-error")).getText().contains("the request was too large"));
        assertThat(driver.findElements(By.id("discover-form"))).hasSize(1);
        consume400s();

        js("document.getElementById('brief').value = ''");
        driver.findElement(By.id("query")).sendKeys("fitness");
        search();
        waitUpTo(15).until(ExpectedConditions.urlContains("query=fitness"));
        waitUpTo(15).until(d -> d.findElements(By.id("search-error")).isEmpty());
        waitFor(By.id("result-count"));
    }

    @Test
    void backAndForwardRestoreTheQueryInTheBoxWithItsResults() {
        open("/discover");
        waitFor(By.id("results-table"));
        driver.findElement(By.id("query")).sendKeys("fitness");
        search();
        waitUpTo(15).until(ExpectedConditions.urlContains("query=fitness"));
        waitFor(By.id("result-count"));
        String fitnessCount = driver.findElement(By.id("result-count")).getText();
        WebElement query = driver.findElement(By.id("query"));
        query.clear();
        query.sendKeys("travel");
        driver.findElement(By.cssSelector(".filters-box summary")).click();
        driver.findElement(By.id("f-trust")).sendKeys("10");
        search();
        waitUpTo(15).until(ExpectedConditions.urlContains("query=travel"));
        assertThat(driver.getCurrentUrl()).contains("trust_min=10").doesNotContain("brief=");

        driver.navigate().back();
        waitUpTo(15).until(d -> "fitness".equals(d.findElement(By.id("query")).getAttribute("value")));
        assertThat(driver.getCurrentUrl()).contains("query=fitness");
        assertThat(driver.findElement(By.id("f-trust")).getAttribute("value")).isEmpty();
        assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo(fitnessCount);

        driver.navigate().forward();
        waitUpTo(15).until(d -> "travel".equals(d.findElement(By.id("query")).getAttribute("value")));
        assertThat(driver.findElement(By.id("f-trust")).getAttribute("value")).isEqualTo("10");
    }

    private String http(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            io.microreach.app.TestIdentity.request(java.net.URI.create(url(path)))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The 400 answers of a refused search are logged by the browser as failed loads; nothing else may be. */
    private void consume400s() {
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .allMatch(m -> m.contains("status of 400"), "only the 400 answers");
    }
}
