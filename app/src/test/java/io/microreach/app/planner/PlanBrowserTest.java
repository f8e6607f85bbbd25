package io.microreach.app.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** Shortlist → overlap heatmap → plan with a budget → plan table, alternatives and comparison chart. */
class PlanBrowserTest extends BrowserTest {
    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    ShortlistService shortlists;

    @TempDir
    Path dir;

    private Shortlist list;

    @BeforeEach
    void data() {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 60, 3);
        // The accounts whose sampled followers overlap most (so the heatmap has something to show), topped up with
        // the most trusted accounts of the same platform.
        String platform = jdbc.queryForObject(
                "SELECT a.platform FROM account a JOIN audience_sketch s ON s.account_id = a.id"
                        + " GROUP BY a.platform ORDER BY count(*) DESC LIMIT 1",
                String.class);
        List<Long> overlapping = jdbc.queryForList(
                "SELECT x.account_id FROM follower_sample x JOIN follower_sample y ON y.follower_platform_id ="
                        + " x.follower_platform_id AND y.account_id <> x.account_id JOIN account a ON a.id ="
                        + " x.account_id JOIN account b ON b.id = y.account_id WHERE a.platform = ? AND b.platform = ?"
                        + " AND a.followers < 200000 GROUP BY x.account_id ORDER BY count(*) DESC, x.account_id LIMIT 4",
                Long.class,
                platform,
                platform);
        List<Long> ids = new java.util.ArrayList<>(overlapping);
        for (Long id : jdbc.queryForList(
                "SELECT a.id FROM account a JOIN audience_sketch s ON s.account_id = a.id"
                        + " JOIN account_score sc ON sc.account_id = a.id WHERE a.platform = ? AND a.followers < 200000"
                        + " ORDER BY sc.trust_score DESC NULLS LAST, a.id LIMIT 8",
                Long.class,
                platform)) {
            if (ids.size() < 4 && !ids.contains(id)) {
                ids.add(id);
            }
        }
        assertThat(ids).hasSize(4);
        list = shortlists.create("Spring launch");
        ids.forEach(id -> shortlists.add(list.id(), id));
    }

    @Test
    void planTheShortlistWithABudgetAndCompareWithTheAlternatives() {
        open("/shortlists?list=" + list.id());
        WebElement heatmap = waitFor(By.cssSelector("table.heatmap"));
        assertThat(heatmap.findElements(By.cssSelector("tbody tr"))).hasSize(4);

        WebElement budget = driver.findElement(By.id("p-budget"));
        budget.clear();
        budget.sendKeys("800");
        new Select(driver.findElement(By.id("p-objective"))).selectByValue("engaged-reach");
        driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        waitFor(By.id("plan-table"));

        assertThat(driver.findElements(By.cssSelector("#plan-table tbody tr"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#alternatives tbody tr")))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.findElement(By.id("plan-guarantee")).getText()).startsWith("This plan reaches at least");
        waitUpTo(10)
                .until(d -> Boolean.TRUE.equals(js("return !!Chart.getChart(document.getElementById('plan-chart'))")));
        documentationScreenshot("plan");

        budget = driver.findElement(By.id("p-budget"));
        budget.clear();
        budget.sendKeys("-5");
        driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        WebElement problem = waitFor(By.cssSelector("#plan-result.notice.error"));
        assertThat(problem.getText()).contains("budget");
        // The 400 answer is logged by the browser as a failed load; nothing else may be in the console.
        assertThat(driver.manage()
                        .logs()
                        .get(org.openqa.selenium.logging.LogType.BROWSER)
                        .getAll())
                .allSatisfy(e -> assertThat(e.getMessage()).contains("status of 400"));
    }
}
