package io.microreach.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.BrowserTest;
import io.microreach.app.ScoredData;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.app.tracking.WebhookEndpoint;
import io.microreach.app.tracking.WebhookSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Plan → campaign → clicks → orders → report in Chromium: a shortlist is planned, the plan becomes a campaign, a person
 * follows a creator's tracking link (on their phone, so over plain HTTP here), the shop reports a signed order, and
 * the board shows the click, the order, the revenue and its charts; a deliverable moves on with a click.
 */
class CampaignBrowserTest extends BrowserTest {
    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    ShortlistService shortlists;

    @Autowired
    CampaignService campaigns;

    @Autowired
    WebhookSecrets secrets;

    @TempDir
    Path dir;

    private Shortlist list;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void data() {
        jdbc.update("DELETE FROM campaign_order");
        jdbc.update("DELETE FROM campaign");
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 40, 3);
        List<Long> ids = jdbc.queryForList(
                "SELECT a.id FROM account a JOIN account_score s ON s.account_id = a.id WHERE a.followers < 200000"
                        + " ORDER BY s.trust_score DESC NULLS LAST, a.id LIMIT 4",
                Long.class);
        list = shortlists.create("Launch");
        ids.forEach(id -> shortlists.add(list.id(), id));
    }

    @Test
    void planCampaignClicksOrdersReport() throws Exception {
        open("/shortlists?list=" + list.id());
        WebElement budget = waitFor(By.id("p-budget"));
        budget.clear();
        budget.sendKeys("2000");
        WebElement posts = driver.findElement(By.id("p-evidence-posts"));
        posts.clear();
        posts.sendKeys("0");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("p-evidence-trust"))).selectByValue("false");
        driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        waitFor(By.id("plan-table"));

        waitFor(By.id("sc-name")).sendKeys("Browser launch");
        driver.findElement(By.id("sc-url")).sendKeys("https://shop.example/launch");
        driver.findElement(By.id("sc-tag")).sendKeys("#BrowserLaunch");
        driver.findElement(By.cssSelector("#start-campaign button[type=submit]"))
                .click();
        waitFor(By.id("board"));
        assertThat(driver.getCurrentUrl()).matches(".*/campaigns/\\d+$");

        Campaign c = campaigns.get(campaigns.list().get(0).id());
        CampaignCreator first = c.creators().get(0);
        assertThat(driver.findElement(By.id("board")).getText())
                .contains("@" + first.handle())
                .contains(url("/r/" + first.trackingCode()));
        assertThat(driver.findElement(By.id("promo-" + first.id())).getAttribute("value"))
                .isEqualTo(first.promoCode());

        // A person follows the first creator's link, then buys with the click id the landing page kept.
        HttpResponse<Void> redirect = http.send(
                HttpRequest.newBuilder(
                                URI.create(url(URI.create(first.trackingUrl()).getPath())))
                        .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String clickId =
                redirect.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]mr_click=([^&#]+).*", "$1");
        WebhookEndpoint endpoint = secrets.current();
        String body = "{\"orderId\":\"b-1\",\"createdAt\":\"" + Instant.now()
                + "\",\"total\":80.00,\"currency\":\"USD\",\"clickId\":\"" + clickId + "\"}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(endpoint.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpResponse<String> order = http.send(
                HttpRequest.newBuilder(
                                URI.create(url(URI.create(endpoint.ordersUrl()).getPath())))
                        .header("Content-Type", "application/json")
                        .header(
                                "X-Microreach-Signature",
                                "sha256="
                                        + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(order.statusCode()).as(order.body()).isBetween(200, 299);

        driver.navigate().refresh();
        assertThat(waitFor(By.id("kpi-clicks")).getText()).startsWith("1 (1 unique");
        assertThat(driver.findElement(By.id("kpi-conversions")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("kpi-revenue")).getText()).isEqualTo("80.00 USD");
        assertThat(driver.findElement(By.id("creator-results")).getText()).contains("@" + first.handle());
        waitUpTo(10)
                .until(d -> Boolean.TRUE.equals(js("return !!Chart.getChart(document.getElementById('chart-days'))")));
        documentationScreenshot("campaign");

        // The first deliverable moves on with its button.
        long deliverable = first.deliverables().get(0).id();
        WebElement accept = driver.findElement(By.cssSelector("#deliverable-" + deliverable + " form.move button"));
        assertThat(accept.getText()).isEqualTo("accepted");
        accept.click();
        waitFor(By.id("board"));
        assertThat(driver.findElement(By.cssSelector("#deliverable-" + deliverable + " .pill.status"))
                        .getText())
                .isEqualTo("accepted");
        assertThat(campaigns.get(c.id()).status()).isEqualTo("running");
        assertNoConsoleErrors();
    }
}
