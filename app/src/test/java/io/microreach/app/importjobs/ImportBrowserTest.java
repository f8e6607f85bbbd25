package io.microreach.app.importjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

class ImportBrowserTest extends BrowserTest {
    @TempDir
    Path dir;

    @BeforeEach
    void empty() {
        emptyPublicTables();
    }

    @Test
    void uploadAFileWithOneBadLineSeeTheReportAndTheEscapedBio() throws Exception {
        Path file = dir.resolve("creators.jsonl");
        Files.writeString(file, """
                {"type":"account","platform":"instagram","id":"9001","handle":"scripty","followers":5400,"bio":"<script>alert(1)</script>"}
                {"type":"post","platform":"instagram","id":"P1","account_id":"9001","published_at":"2026-03-01T18:30:00Z","format":"photo","caption":"<img src=x onerror=alert(2)>","likes":120,"comments":9}
                {"type":"post","platform":"instagram","id":"P2","account_id":"9001","published_at":"not a time","format":"photo","likes":1}
                """);

        open("/import");
        assertThat(driver.findElement(By.cssSelector("label[for=file]")).getText())
                .contains("JSONL or CSV");
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("form.upload button[type=submit]")).click();

        waitUpTo(60).until(ExpectedConditions.attributeToBe(By.id("progress"), "data-state", "done"));
        String summary = driver.findElement(By.cssSelector("#report .notice")).getText();
        assertThat(summary).contains("3 lines").contains("2 stored").contains("1 rejected");
        String rejected = driver.findElement(By.id("rejected")).getText();
        assertThat(rejected).contains("creators.jsonl:3").contains("published_at");
        assertThat(driver.findElement(By.id("report-types")).getText())
                .contains("account")
                .contains("post");
        documentationScreenshot("import");

        long id = jdbc.queryForObject("SELECT id FROM account WHERE handle = 'scripty'", Long.class);
        open("/creators/" + id);
        assertThat(driver.findElement(By.cssSelector("p.caption")).getText()).isEqualTo("<script>alert(1)</script>");
        assertThat(driver.getPageSource()).doesNotContain("<script>alert(1)</script>");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("<img src=x onerror=alert(2)>");
        assertNoAlert();
    }
}
