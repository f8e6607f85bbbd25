package io.microreach.app.shortlists;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

class ShortlistBrowserTest extends BrowserTest {
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
}
