package io.microreach.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class LayoutBrowserTest extends BrowserTest {

    @BeforeEach
    void empty() {
        emptyPublicTables();
    }

    @Test
    void everyPageLoadsHtmxFromTheJarAndNavigates() {
        open("/creators");
        assertThat(js("return typeof htmx === 'undefined' ? null : htmx.version"))
                .isEqualTo("2.0.10");
        driver.findElement(By.linkText("Shortlists")).click();
        waitFor(By.cssSelector("h1"));
        assertThat(driver.getCurrentUrl()).endsWith("/shortlists");
        driver.findElement(By.linkText("Import")).click();
        waitFor(By.cssSelector("h1"));
        assertThat(driver.getCurrentUrl()).endsWith("/import");
    }

    @Test
    void chartJsIsServedFromTheJar() {
        open("/webjars/chart.js/dist/chart.umd.js");
        assertThat(driver.getPageSource()).contains("Chart");
    }
}
