package io.microreach.app.shortlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class ShortlistBrowserTest extends BrowserTest {
    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    ShortlistService shortlists;

    @TempDir
    Path dir;

    @BeforeEach
    void data() {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 40, 5);
    }

    @Test
    void addThreeCreatorsToAShortlistThenRemoveOne() {
        List<Long> ids = jdbc.queryForList(
                "SELECT account_id FROM account_score WHERE trust_score IS NOT NULL ORDER BY trust_score DESC LIMIT 3",
                Long.class);
        assertThat(ids).hasSize(3);

        open("/shortlists");
        assertThat(driver.findElement(By.cssSelector(".empty")).getText()).contains("Create a shortlist");

        for (int i = 0; i < ids.size(); i++) {
            open("/creators/" + ids.get(i));
            if (i == 0) {
                driver.findElement(By.id("shortlist-new")).sendKeys("Spring launch");
            } else {
                assertThat(driver.findElement(By.id("shortlist-choice")).getText())
                        .contains("Spring launch");
            }
            driver.findElement(By.cssSelector("#add-to-shortlist button[type=submit]"))
                    .click();
            waitFor(By.cssSelector("#add-to-shortlist .notice.ok"));
            assertThat(driver.findElement(By.cssSelector("#add-to-shortlist .notice"))
                            .getText())
                    .contains("Added to Spring launch")
                    .contains((i + 1) + (i == 0 ? " account)" : " accounts)"));
        }

        driver.findElement(By.linkText("Shortlists")).click();
        waitFor(By.id("entries"));
        assertThat(driver.findElements(By.cssSelector("#entries tbody tr"))).hasSize(3);
        assertThat(driver.findElement(By.id("list-count")).getText()).isEqualTo("3 accounts");
        assertThat(driver.findElement(By.id("entries")).getText()).contains("%");
        documentationScreenshot("shortlists");

        driver.findElement(By.cssSelector("#entry-" + ids.get(1) + " button")).click();
        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#entries tbody tr"), 2));
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("list-count"), "2 accounts"));
        assertThat(jdbc.queryForList("SELECT account_id FROM shortlist_entry ORDER BY account_id", Long.class))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(2));
    }

    private List<Long> topAccounts(int n) {
        return jdbc.queryForList(
                "SELECT account_id FROM account_score WHERE trust_score IS NOT NULL ORDER BY trust_score DESC LIMIT ?",
                Long.class,
                n);
    }

    /** The "(N)" after a list's name in the list of lists, and the option text in Discover's picker, follow edits. */
    @Test
    void countsStayCurrentAfterRemovingAndAdding() {
        List<Long> ids = topAccounts(3);
        long launch = shortlists.create("Launch").id();
        shortlists.add(launch, ids.get(0));
        shortlists.add(launch, ids.get(1));

        open("/shortlists?list=" + launch);
        assertThat(driver.findElement(By.id("list-size-" + launch)).getText()).isEqualTo("(2)");
        driver.findElement(By.cssSelector("#entry-" + ids.get(0) + " button")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("list-count"), "1 account"));
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("list-size-" + launch), "(1)"));

        open("/discover?sort=followers");
        Select picker = new Select(waitFor(By.id("target-list")));
        assertThat(picker.getFirstSelectedOption().getText()).isEqualTo("Launch (1)");
        WebElement row = driver.findElement(By.cssSelector("#results-table tbody tr:first-child form.add-row button"));
        row.click();
        waitFor(By.cssSelector("#results-table .add-done"));
        assertThat(driver.findElement(By.cssSelector("#results-table .add-done"))
                        .getText())
                .contains("Added to Launch")
                .contains("(2 accounts)");
        waitUpTo(10)
                .until(d -> new Select(d.findElement(By.id("target-list")))
                        .getFirstSelectedOption()
                        .getText()
                        .equals("Launch (2)"));

        // A new list typed in Discover appears in the picker, selected, and the name field is emptied.
        driver.findElement(By.id("target-new")).sendKeys("Autumn");
        driver.findElement(By.cssSelector("#results-table tbody tr:nth-child(2) form.add-row button"))
                .click();
        waitUpTo(10)
                .until(d -> new Select(d.findElement(By.id("target-list")))
                        .getFirstSelectedOption()
                        .getText()
                        .equals("Autumn (1)"));
        assertThat(driver.findElement(By.id("target-new")).getAttribute("value"))
                .isEmpty();
        assertThat(shortlists.lists()).extracting(Shortlist::name).containsExactly("Autumn", "Launch");
    }

    /** A taken name is said at the field, on the same list, with what was typed kept; nothing is renamed. */
    @Test
    void renamingToATakenNameShowsTheProblemAtTheField() {
        List<Long> ids = topAccounts(1);
        shortlists.create("Launch");
        long autumn = shortlists.create("Autumn").id();
        shortlists.add(autumn, ids.get(0));

        open("/shortlists?list=" + autumn);
        driver.findElement(By.cssSelector("details.card summary")).click();
        WebElement name = driver.findElement(By.id("rename"));
        name.clear();
        name.sendKeys("launch");
        driver.findElement(By.cssSelector("details.card form.inline button[type=submit]"))
                .click();

        WebElement error = waitFor(By.id("rename-error"));
        // The page comes back with 409 Conflict, which the browser logs; nothing else may be on the console.
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                        .map(LogEntry::getMessage)
                        .toList())
                .allMatch(m -> m.contains("/rename") && m.contains("status of 409"));
        assertThat(error.getText()).contains("already exists");
        assertThat(driver.findElement(By.id("rename")).getAttribute("value")).isEqualTo("launch");
        assertThat(driver.findElement(By.id("rename")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector("#list-title span")).getText())
                .isEqualTo("Autumn");
        assertThat(driver.findElements(By.cssSelector("#entries tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Shortlists");
        assertThat(shortlists.get(autumn).name()).isEqualTo("Autumn");

        // Fixing the name from there works as usual.
        name = driver.findElement(By.id("rename"));
        name.clear();
        name.sendKeys("Autumn drop");
        driver.findElement(By.cssSelector("details.card form.inline button[type=submit]"))
                .click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.cssSelector("#list-title span"), "Autumn drop"));
        assertThat(driver.findElements(By.id("rename-error"))).isEmpty();
    }

    /** At phone width the list, its table and the plan form fit the screen: nothing scrolls sideways. */
    @Test
    void shortlistsWorkAtPhoneWidth() {
        List<Long> ids = topAccounts(3);
        long launch =
                shortlists.create("Spring launch — vegan skincare, EU (v2)").id();
        ids.forEach(id -> shortlists.add(launch, id));
        driver.manage().window().setSize(new Dimension(390, 844));

        open("/shortlists?list=" + launch);
        waitFor(By.id("entries"));
        waitFor(By.cssSelector("#overlap-body"));
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
        for (String id : List.of("entries", "plan-form", "p-budget")) {
            Number right =
                    (Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().right", id);
            assertThat(right.doubleValue()).as(id + " ends inside the screen").isLessThanOrEqualTo(390);
        }
        assertThat(driver.findElement(By.id("p-budget")).isDisplayed()).isTrue();
        // Each account's handle and remove button can be reached.
        for (long id : ids) {
            WebElement remove = driver.findElement(By.cssSelector("#entry-" + id + " button"));
            Number right = (Number) js("return arguments[0].getBoundingClientRect().right", remove);
            assertThat(right.doubleValue()).as("remove button of " + id).isLessThanOrEqualTo(390);
        }
        documentationScreenshot("shortlists-phone");
    }
}
