package io.microreach.app.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plan as a marketer sees it on the shortlist page: the unspent budget explained, the evidence minimum visible and
 * changeable, the guarantee in one sentence with its reference in a tooltip, the comparison with the naive plan, a
 * warning (never a success box) for an impossible budget, conversions with decimals, and a results table that fits at
 * 1440 px and becomes cards at 390 px.
 */
class PlanDefensibleBrowserTest extends BrowserTest {
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
    void data() throws Exception {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 60, 3);
        importer.importFile(PlanDefensibleTest.writeAwkwardAccounts(dir), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
        List<Long> ids = new ArrayList<>(jdbc.queryForList(
                "SELECT a.id FROM account a JOIN account_score s ON s.account_id = a.id WHERE a.platform = 'instagram'"
                        + " AND s.trust_score IS NOT NULL AND a.followers < 200000 AND a.platform_id NOT LIKE 'kw-%'"
                        + " ORDER BY s.trust_score DESC, a.id LIMIT 5",
                Long.class));
        // The account with 9,000 followers and nothing else: no posts, no trust score, no audience data.
        ids.add(jdbc.queryForObject("SELECT id FROM account WHERE platform_id = 'blank-9000'", Long.class));
        list = shortlists.create("Skincare launch");
        ids.forEach(id -> shortlists.add(list.id(), id));
    }

    private void plan(String budget) {
        WebElement field = driver.findElement(By.id("p-budget"));
        field.clear();
        field.sendKeys(budget);
        driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
    }

    private String planText() {
        return driver.findElement(By.id("plan-result")).getText();
    }

    private long pageOverflow() {
        return ((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
    }

    @Test
    void aWidePlanExplainsItselfAndFitsAt1440() {
        driver.manage().window().setSize(new Dimension(1440, 900));
        open("/shortlists?list=" + list.id());
        waitFor(By.cssSelector("table.heatmap"));
        plan("50000");
        WebElement table = waitFor(By.id("plan-table"));
        assertThat(driver.findElement(By.id("plan-summary")).getAttribute("class"))
                .contains("ok");
        // Everyone eligible fits: the money left and the equality with "top followers" are both explained.
        assertThat(driver.findElement(By.id("plan-unspent")).getText())
                .contains("of 50,000 USD left: every qualifying creator (5) is already in the plan")
                .contains("1 more candidate falls short of the evidence minimum");
        assertThat(planText())
                .contains("Same creators as the \"top followers\" plan: the budget covers every eligible creator");
        // The evidence minimum is visible, with the count it left out, and the form can change it.
        assertThat(driver.findElement(By.id("plan-evidence")).getText())
                .isEqualTo("Evidence minimum: a trust score and at least 5 posts in 90 days. 1 of 6 candidates left"
                        + " out for too little evidence (change the minimum in the form).");
        assertThat(driver.findElement(By.id("plan-weighed")).getText()).contains("per USD");
        // The guarantee in one plain sentence; the reference is in the tooltip.
        assertThat(driver.findElement(By.id("plan-guarantee")).getText())
                .startsWith("This plan reaches at least 63% of the best possible unique engaged reach for this"
                        + " budget; in practice usually far closer.");
        assertThat(driver.findElement(By.cssSelector("#plan-guarantee abbr")).getAttribute("title"))
                .contains("Sviridenko 2004");
        // Conversions keep their decimals (an expected 0.4 is not "0").
        assertThat(driver.findElements(By.cssSelector("#plan-table td.conversions > span")))
                .isNotEmpty()
                .allSatisfy(td -> assertThat(td.getText()).matches("\\d+\\.\\d+|\\d{2,}[\\d,]*"));
        assertThat(planText()).doesNotContain("NaN").doesNotContain("engaged-reach");
        // No sideways scrolling: the table fits its card and the page fits the window.
        assertThat(((Number) js("var t = arguments[0]; return t.scrollWidth - t.parentElement.clientWidth", table))
                        .longValue())
                .isLessThanOrEqualTo(0);
        assertThat(pageOverflow()).isLessThanOrEqualTo(0);

        // Lowering the evidence minimum lets the account without evidence in, and its unknown overlap is said.
        new Select(driver.findElement(By.id("p-evidence-trust"))).selectByValue("false");
        WebElement posts = driver.findElement(By.id("p-evidence-posts"));
        posts.clear();
        posts.sendKeys("0");
        plan("50000");
        waitUpTo(15).until(d -> planText().contains("Every candidate meets it."));
        assertThat(planText())
                .contains("@blankslate has no follower sample or commenters: its audience overlap with the others is"
                        + " unknown");
    }

    @Test
    void anImpossibleBudgetIsAWarningNotASuccess() {
        open("/shortlists?list=" + list.id());
        plan("10");
        WebElement warning = waitFor(By.id("plan-warning"));
        assertThat(warning.getAttribute("class")).contains("warn").doesNotContain("ok");
        assertThat(warning.getText())
                .startsWith("No creator fits a budget of 10 USD: the cheapest qualifying candidate costs");
        assertThat(driver.findElements(By.cssSelector("#plan-result .notice.ok")))
                .isEmpty();
        assertThat(driver.findElements(By.id("plan-table"))).isEmpty();

        // No candidate meets an evidence minimum of 1,000 posts: a warning too.
        WebElement posts = driver.findElement(By.id("p-evidence-posts"));
        posts.clear();
        posts.sendKeys("1000");
        plan("5000");
        waitUpTo(15).until(d -> planText().startsWith("No creator qualifies"));
        assertThat(driver.findElements(By.cssSelector("#plan-result .notice.ok")))
                .isEmpty();
    }

    @Test
    void thePlanWorksAt390AsCards() {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/shortlists?list=" + list.id());
        plan("1500");
        WebElement table = waitFor(By.id("plan-table"));
        assertThat(planText()).contains("left:").contains("Evidence minimum");
        // Each chosen creator is a card: rows stack, every figure has its label, nothing runs off the screen.
        assertThat(js("return getComputedStyle(arguments[0].querySelector('tbody tr')).display", table))
                .isEqualTo("block");
        assertThat(driver.findElement(By.cssSelector("#plan-table td[data-label=Cost]"))
                        .getText())
                .contains("USD");
        assertThat(pageOverflow()).isLessThanOrEqualTo(0);
        assertThat(((Number) js("return Array.prototype.filter.call(document.querySelectorAll('#plan-result *'),"
                                + " function (e) { return e.getBoundingClientRect().right > window.innerWidth"
                                + " + 1; }).length"))
                        .longValue())
                .isZero();
    }
}
