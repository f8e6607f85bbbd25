package io.microreach.app.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;

/** Campaigns and creators inserted with SQL (the campaign service is not needed to test tracking). */
final class TrackingFixture {
    static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private TrackingFixture() {}

    static void clear(JdbcTemplate jdbc, TrackingLinks links) {
        jdbc.update("DELETE FROM campaign_order");
        jdbc.update("DELETE FROM campaign_click");
        jdbc.update("DELETE FROM campaign_creator");
        jdbc.update("DELETE FROM campaign");
        links.forget();
    }

    static long workspace(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("SELECT id FROM workspace WHERE name = ?", Long.class, name);
    }

    static long campaign(JdbcTemplate jdbc, long workspace, String name, String landingUrl, int windowDays) {
        return jdbc.queryForObject(
                "INSERT INTO campaign (workspace_id, name, landing_url, attribution_window_days) VALUES (?, ?, ?, ?)"
                        + " RETURNING id",
                Long.class,
                workspace,
                name,
                landingUrl,
                windowDays);
    }

    static long creator(
            JdbcTemplate jdbc,
            long workspace,
            long campaign,
            String platform,
            String handle,
            String trackingCode,
            String promoCode) {
        return jdbc.queryForObject(
                "INSERT INTO campaign_creator (workspace_id, campaign_id, platform, handle, tracking_code, promo_code)"
                        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                Long.class,
                workspace,
                campaign,
                platform,
                handle,
                trackingCode,
                promoCode);
    }

    static String hexHmac(String secret, String body) {
        return "sha256="
                + HexFormat.of()
                        .formatHex(WebhookController.hmac(
                                secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
    }

    static String base64Hmac(String secret, String body) {
        return Base64.getEncoder()
                .encodeToString(WebhookController.hmac(
                        secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
    }
}
