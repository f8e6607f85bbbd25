package io.microreach.app.creators;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The creator page's niches (with a correction that sticks) and lookalikes, loaded by htmx. */
class CreatorNichesBrowserTest extends BrowserTest {
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
        ScoredData.load(importer, scorer, dir, 40, 7);
    }

    @Test
    void nichesCanBeCorrectedAndLookalikesShowBothKinds() {
        long id = jdbc.queryForObject(
                "SELECT n.account_id FROM account_niche n JOIN audience_sketch s ON s.account_id = n.account_id"
                        + " ORDER BY n.confidence DESC, n.account_id LIMIT 1",
                Long.class);
        String notYet = jdbc.queryForObject(
                "SELECT t FROM unnest(ARRAY['travel','gaming','finance','pets']) t WHERE NOT EXISTS (SELECT 1 FROM"
                        + " account_niche n WHERE n.account_id = ? AND n.niche_id = t) LIMIT 1",
                String.class,
                id);

        open("/creators/" + id);
        waitFor(By.id("niche-table"));
        new Select(driver.findElement(By.id("niche-add"))).selectByValue(notYet);
        driver.findElement(By.cssSelector("#niches-body form.inline button")).click();
        waitFor(By.cssSelector("#niches-body .notice.ok"));
        assertThat(driver.findElement(By.id("niche-" + notYet)).getText()).contains("your correction");
        assertThat(jdbc.queryForObject(
                        "SELECT assigned FROM niche_correction WHERE account_id = ? AND niche_id = ?",
                        Boolean.class,
                        id,
                        notYet))
                .isTrue();

        waitFor(By.id("content-lookalikes"));
        assertThat(driver.findElements(By.cssSelector("#content-lookalikes li")))
                .isNotEmpty();
        assertThat(driver.findElement(By.id("lookalikes-body")).getText()).contains("Shared audience");

        // The correction survives re-classification after a rescore.
        scorer.scoreAll(io.microreach.app.scoring.ScoringProgress.NONE);
        open("/creators/" + id);
        waitFor(By.id("niche-" + notYet));
        assertThat(driver.findElement(By.id("niche-" + notYet)).getText()).contains("your correction");
    }
}
