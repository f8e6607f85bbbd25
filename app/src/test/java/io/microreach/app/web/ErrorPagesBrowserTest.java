package io.microreach.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a user sees of an error in a real browser: the app's own page, with a way back in. */
class ErrorPagesBrowserTest extends BrowserTest {
    /** The browser logs the error status of the page itself; only that is expected on the console. */
    private void expectOnlyTheDocumentsOwnStatusOnTheConsole(int status) {
        List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(severe).allMatch(m -> m.contains("status of " + status));
    }

    @Test
    void anUnknownAddressShowsTheAppsNotFoundPageWithAWayBack() {
        open("/discovr");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(driver.getTitle()).isEqualTo("Page not found · microreach");
        assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("There is no page at /discovr");
        assertThat(driver.findElement(By.tagName("body")).getText())
                .doesNotContain("Whitelabel")
                .doesNotContain("Exception");
        assertThat(driver.findElements(By.cssSelector("nav[aria-label=main] a")))
                .hasSizeGreaterThanOrEqualTo(4);
        expectOnlyTheDocumentsOwnStatusOnTheConsole(404);

        driver.findElement(By.linkText("Go to Discover")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/discover"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotEqualTo("Page not found");
    }

    @Test
    void aServerErrorShowsAReferenceAndNothingInternal() {
        open("/test-failure");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Something went wrong");
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).containsPattern("Reference: [0-9a-f]{8}").doesNotContain(FailingEndpoints.SECRET);
        expectOnlyTheDocumentsOwnStatusOnTheConsole(500);
    }

    @Test
    void aMalformedCreatorIdNamesTheParameter() {
        open("/creators/12abc");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bad request");
        assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).contains("'12abc'");
        expectOnlyTheDocumentsOwnStatusOnTheConsole(400);
    }

    /** A section loaded by htmx that fails shows the message with its reference in place, not a spinner forever. */
    @Test
    void aFailingHtmxSectionSaysSoInPlace() {
        open("/discover");
        js("var d = document.createElement('div'); d.id = 'probe'; d.setAttribute('hx-get', '/test-failure');"
                + " d.setAttribute('hx-trigger', 'load'); d.textContent = 'Loading…';"
                + " document.getElementById('main').appendChild(d); htmx.process(d);");
        waitFor(By.cssSelector("#probe .notice.error"));
        assertThat(driver.findElement(By.id("probe")).getText())
                .containsPattern("reference [0-9a-f]{8}")
                .doesNotContain("Loading")
                .doesNotContain(FailingEndpoints.SECRET);
        assertThat(driver.findElements(By.cssSelector("#probe nav")))
                .as("only the message, not a whole page")
                .isEmpty();
        expectOnlyTheDocumentsOwnStatusOnTheConsole(500);
    }
}
