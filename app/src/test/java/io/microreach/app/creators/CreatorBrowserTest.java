package io.microreach.app.creators;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

class CreatorBrowserTest extends BrowserTest {
    @Autowired
    io.microreach.app.scoring.ScorecardReader reader;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    /** Loaded once for the class: the tests only read, and 200 creators take a few seconds to score. */
    private static boolean loaded;

    @BeforeEach
    void data() {
        if (!loaded) {
            emptyPublicTables();
            jdbc.update("DELETE FROM shortlist");
            // Enough creators per platform (at least 30 with an ER) for the expected-ER curves.
            ScoredData.load(importer, scorer, dir, 200, 11);
            loaded = true;
        }
    }

    @AfterAll
    static void reload() {
        loaded = false;
    }

    /** A scored account with follower history, posts with an ER and, if the data has one, a flagged spike. */
    private long richAccount() {
        List<Long> candidates = jdbc.queryForList(
                "SELECT s.account_id FROM account_score s WHERE s.engagement_rate > 0"
                        + " AND EXISTS (SELECT 1 FROM follower_count f WHERE f.account_id = s.account_id)"
                        + " ORDER BY s.trust_score DESC NULLS LAST, s.account_id",
                Long.class);
        tools.jackson.databind.json.JsonMapper mapper =
                tools.jackson.databind.json.JsonMapper.builder().build();
        long best = -1;
        int bestSpikes = -1;
        for (long id : candidates) {
            tools.jackson.databind.JsonNode card =
                    mapper.readTree(reader.json(id).orElseThrow());
            if (!card.path("details").path("expectedEngagement").path("curve").isObject()) {
                continue;
            }
            int spikes = card.path("anomalies").path("followerSpikes").size();
            if (spikes > bestSpikes) {
                best = id;
                bestSpikes = spikes;
            }
        }
        assertThat(best).as("a scored account with an expected-ER curve").isPositive();
        return best;
    }

    @Test
    void creatorPageDrawsItsThreeChartsWithChartJs() {
        long id = richAccount();
        open("/creators/" + id);
        waitFor(By.id("chart-er"));

        for (String canvas : new String[] {"chart-er", "chart-followers", "chart-peers"}) {
            Object points = js(
                    "var c = Chart.getChart(document.getElementById(arguments[0]));"
                            + " return c ? c.data.datasets.reduce(function (n, d) { return n + d.data.length; }, 0)"
                            + " : null;",
                    canvas);
            assertThat(points).as(canvas + ": a Chart.js chart with points").isNotNull();
            assertThat(((Number) points).intValue()).as(canvas).isPositive();
        }
        Number spikesInData =
                reader.scorecard(id).orElseThrow().anomalies().followerSpikes().size();
        Number spikesDrawn = (Number) js("return Chart.getChart(document.getElementById('chart-followers'))"
                + ".data.datasets.find(function (d) { return d.label === 'spikes'; }).data.length");
        assertThat(spikesDrawn.intValue()).isEqualTo(spikesInData.intValue());
        Number medianLine = (Number)
                js("return Chart.getChart(document.getElementById('chart-er'))" + ".data.datasets[1].data[0].y");
        assertThat(medianLine.doubleValue())
                .isCloseTo(
                        jdbc.queryForObject(
                                "SELECT engagement_rate FROM account_score WHERE account_id = ?", Double.class, id),
                        org.assertj.core.data.Offset.offset(1e-9));
        // The niche and lookalike sections arrive by htmx after the page.
        waitFor(By.cssSelector("#lookalikes-body h3"));
        waitFor(By.cssSelector("#niches-body form.inline"));
        documentationScreenshot("creator");
    }

    @Test
    void trustBreakdownLinksEveryComponentToItsEvidence() {
        long id = richAccount();
        open("/creators/" + id);
        assertThat(driver.findElements(By.cssSelector("#trust-breakdown tbody tr")))
                .hasSize(7);
        assertThat(driver.findElement(By.id("engagement-window")).getText())
                .startsWith("Engagement rate over the last");
        var links = driver.findElements(By.cssSelector("#trust-breakdown tbody td a"));
        assertThat(links).as("components with evidence").isNotEmpty();
        var first = links.get(0);
        // The evidence page names the signal with the label the breakdown shows.
        String label = first.findElement(By.xpath("ancestor::tr/td[1]")).getText();
        int items = Integer.parseInt(first.getText().replaceAll("[^0-9]", ""));
        first.click();
        waitFor(By.tagName("h1"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(label);
        int rows = driver.findElements(By.cssSelector("section tbody tr")).size()
                + driver.findElements(By.cssSelector("#ev-other ~ ul li")).size();
        assertThat(rows).as("evidence items shown").isEqualTo(items);
    }

    @Test
    void addToShortlistWorksWithTheKeyboardAndReadsOnAPhone() {
        long id = richAccount();
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/creators/" + id);
        var name = driver.findElement(By.id("shortlist-new"));
        name.sendKeys("Phone list");
        name.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(By.cssSelector("#add-to-shortlist .notice.ok"));
        assertThat(driver.findElement(By.cssSelector("#add-to-shortlist .notice"))
                        .getText())
                .contains("Added to")
                .contains("Phone list");
        // Nothing wider than the phone screen except inside the scrolling table boxes.
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue())
                .as(
                        "too wide: %s",
                        js("return Array.from(document.querySelectorAll('main *'))"
                                + ".filter(function (e) { return e.getBoundingClientRect().right > window.innerWidth"
                                + " && !e.closest('.scroll'); })"
                                + ".slice(0, 5).map(function (e) { return e.tagName + '.' + e.className + '#' + e.id; })"
                                + ".join(', ')"))
                .isLessThanOrEqualTo(0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shortlist_entry WHERE account_id = ?", Long.class, id))
                .isEqualTo(1);
    }
}
