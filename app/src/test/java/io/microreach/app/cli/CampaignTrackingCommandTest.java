package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.CommandCapture;
import io.microreach.app.CommandCapture.Captured;
import io.microreach.app.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code microreach campaign secret} and {@code microreach campaign orders} against a fresh home. */
class CampaignTrackingCommandTest {
    private static final Path HOME = TestHomes.newHome("campaign-tracking");
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Test
    void secretPrintsPureJsonAndRotationReplacesTheSecret() throws Exception {
        Captured first = CommandCapture.run(HOME, "campaign", "secret", "--json");
        assertThat(first.code()).as(first.stderr()).isZero();
        JsonNode a = STRICT.readTree(first.stdout());
        assertThat(a.get("secret").asString()).startsWith("mrwh_");
        assertThat(a.get("ordersUrl").asString()).matches("/api/webhooks/[A-Za-z0-9_-]{32}/orders");
        assertThat(a.get("shopifyUrl").asString()).matches("/api/webhooks/[A-Za-z0-9_-]{32}/shopify");

        JsonNode same = STRICT.readTree(
                CommandCapture.run(HOME, "campaign", "secret", "--json").stdout());
        assertThat(same.get("secret").asString())
                .as("created once")
                .isEqualTo(a.get("secret").asString());

        Captured rotated = CommandCapture.run(HOME, "campaign", "secret", "--rotate", "--json");
        JsonNode b = STRICT.readTree(rotated.stdout());
        assertThat(b.get("secret").asString()).isNotEqualTo(a.get("secret").asString());
        assertThat(b.get("ordersUrl").asString()).isEqualTo(a.get("ordersUrl").asString());

        Captured shopify = CommandCapture.runWithInput(
                HOME, "shpss_from_shopify\n", "campaign", "secret", "--shopify-secret-stdin", "--json");
        assertThat(shopify.code()).as(shopify.stderr()).isZero();
        assertThat(STRICT.readTree(shopify.stdout()).get("shopifySecretSet").asBoolean())
                .isTrue();

        Captured unknown = CommandCapture.run(HOME, "campaign", "secret", "--campaign", "999999", "--json");
        assertThat(unknown.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(unknown.stdout()).isEmpty();
        assertThat(unknown.stderr()).contains("no campaign 999999");

        Path csv = Files.writeString(
                HOME.resolve("orders.csv"),
                "order_id,created_at,total,currency\nx1,2026-12-01T10:00:00Z,10,EUR\nx2,2026-12-01,oops,EUR\n");
        Captured orders = CommandCapture.run(HOME, "campaign", "orders", csv.toString(), "--json");
        assertThat(orders.code()).as(orders.stderr()).isEqualTo(ExitCodes.SOME_REJECTED);
        JsonNode s = STRICT.readTree(orders.stdout());
        assertThat(s.get("stored").asLong()).isEqualTo(1);
        assertThat(s.get("rejected").asLong()).isEqualTo(1);
        assertThat(s.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(s.get("errors").get(0).get("field").asString()).isEqualTo("total");
        Captured again = CommandCapture.run(HOME, "campaign", "orders", csv.toString(), "--json");
        assertThat(STRICT.readTree(again.stdout()).get("unchanged").asLong()).isEqualTo(1);
    }
}
