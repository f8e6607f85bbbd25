package io.microreach.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookTest extends SpringAppTest {
    @Autowired
    TrackingLinks links;

    @Autowired
    WebhookSecrets secrets;

    @Autowired
    OrderIntake intake;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private long ws;
    private long anna;
    private long ben;
    private WebhookEndpoint endpoint;

    @BeforeEach
    void campaign() {
        TrackingFixture.clear(jdbc, links);
        ws = TrackingFixture.workspace(jdbc, TestIdentity.WORKSPACE);
        long c = TrackingFixture.campaign(jdbc, ws, "Spring Run", "https://shop.example.com/", 7);
        anna = TrackingFixture.creator(jdbc, ws, c, "instagram", "anna.runs", "annaLink1", "ANNA15");
        ben = TrackingFixture.creator(jdbc, ws, c, "tiktok", "ben", "benLink01", "BEN10");
        endpoint = secrets.endpoint(ws);
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> generic(String body) {
        return post(
                endpoint.ordersUrl(),
                body,
                Map.of("X-Microreach-Signature", TrackingFixture.hexHmac(endpoint.secret(), body)));
    }

    private static String order(String id, Instant created, String total, String code, String click, Instant updated) {
        return "{\"orderId\":\"" + id + "\",\"createdAt\":\"" + created + "\",\"total\":" + total
                + ",\"currency\":\"eur\"" + (code == null ? "" : ",\"promoCode\":\"" + code + "\"")
                + (click == null ? "" : ",\"clickId\":\"" + click + "\"")
                + (updated == null ? "" : ",\"updatedAt\":\"" + updated + "\"")
                + ",\"lineItems\":[{\"sku\":\"TRAIL-42\",\"quantity\":1}]}";
    }

    private String clickOf(String code, String userAgent) {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/r/" + code))
                .header("User-Agent", userAgent)
                .GET()
                .build();
        try {
            String location = http.send(r, HttpResponse.BodyHandlers.discarding())
                    .headers()
                    .firstValue("Location")
                    .orElseThrow();
            return OrderJson.queryParameter(location, "mr_click");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> row(String orderId) {
        return jdbc.queryForMap("SELECT * FROM campaign_order WHERE workspace_id = ? AND order_id = ?", ws, orderId);
    }

    private long orders() {
        return jdbc.queryForObject("SELECT count(*) FROM campaign_order", Long.class);
    }

    @Test
    void aSignedOrderIsStoredOnceAndItsRepeatChangesNothing() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = order("1001", now, "\"49.90\"", "anna15", null, null);
        HttpResponse<String> r = generic(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("outcome").asString()).isEqualTo("stored");
        Map<String, Object> row = row("1001");
        assertThat((BigDecimal) row.get("total")).isEqualByComparingTo("49.90");
        assertThat(row.get("currency")).isEqualTo("EUR");
        assertThat(row.get("source")).isEqualTo("generic");
        assertThat(row.get("campaign_creator_id")).isEqualTo(anna);
        assertThat(row.get("attribution_basis")).isEqualTo("promo_code");
        assertThat(row.get("line_items").toString()).contains("TRAIL-42");
        assertThat(((Timestamp) row.get("created_at")).toInstant()).isEqualTo(now);

        HttpResponse<String> again = generic(body);
        assertThat(json.readTree(again.body()).get("outcome").asString()).isEqualTo("unchanged");
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void aMissingOrWrongSignatureIs401AndStoresNothing() {
        String body = order("2001", Instant.now(), "10", null, null, null);
        assertThat(post(endpoint.ordersUrl(), body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post(endpoint.ordersUrl(), body, Map.of("X-Microreach-Signature", "sha256=zz"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(
                                endpoint.ordersUrl(),
                                body,
                                Map.of("X-Microreach-Signature", TrackingFixture.hexHmac("not-the-secret", body)))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(
                                endpoint.ordersUrl(),
                                body + " ",
                                Map.of("X-Microreach-Signature", TrackingFixture.hexHmac(endpoint.secret(), body)))
                        .statusCode())
                .as("the signature covers the raw bytes")
                .isEqualTo(401);
        assertThat(post(
                                endpoint.shopifyUrl(),
                                body,
                                Map.of("X-Shopify-Hmac-Sha256", TrackingFixture.hexHmac(endpoint.secret(), body)))
                        .statusCode())
                .isEqualTo(401);
        // A malformed body with a wrong signature is refused for the signature: nothing is parsed before.
        HttpResponse<String> unsigned = post(endpoint.ordersUrl(), "{not json", Map.of());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(post(
                                "/api/webhooks/unknownKey/orders",
                                body,
                                Map.of("X-Microreach-Signature", TrackingFixture.hexHmac(endpoint.secret(), body)))
                        .statusCode())
                .isEqualTo(404);
        String huge = "{\"orderId\":\"" + "x".repeat(WebhookController.MAX_BODY) + "\"}";
        assertThat(post(
                                endpoint.ordersUrl(),
                                huge,
                                Map.of("X-Microreach-Signature", TrackingFixture.hexHmac(endpoint.secret(), huge)))
                        .statusCode())
                .as("a body past the limit is refused, signed or not")
                .isEqualTo(413);
        assertThat(orders()).isZero();
    }

    @Test
    void aMalformedBodyIs400NamingTheField() {
        Instant now = Instant.now();
        Map<String, String> cases = Map.of(
                order("3001", now, "-3", null, null, null),
                "total",
                order("3002", now, "\"abc\"", null, null, null),
                "total",
                order("3003", now, "1.234", null, null, null),
                "total",
                "{\"orderId\":\"3004\",\"createdAt\":\"yesterday\",\"total\":1,\"currency\":\"EUR\"}",
                "createdAt",
                "{\"orderId\":\"3005\",\"createdAt\":\"" + now + "\",\"total\":1,\"currency\":\"EURO\"}",
                "currency",
                "{\"createdAt\":\"" + now + "\",\"total\":1,\"currency\":\"EUR\"}",
                "orderId",
                "{\"orderId\":\"3007\",\"createdAt\":\"" + now + "\",\"total\":1,\"currency\":\"EUR\",\"lineItems\":3}",
                "lineItems",
                "{not json",
                "body",
                "[1,2]",
                "body");
        cases.forEach((body, field) -> {
            HttpResponse<String> r = generic(body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            JsonNode p = json.readTree(r.body());
            assertThat(p.get("field").asString()).as(body).isEqualTo(field);
            assertThat(p.get("detail").asString()).as(body).startsWith(field + ": ");
        });
        assertThat(json.readTree(generic(order("3001", now, "-3", null, null, null))
                                .body())
                        .get("detail")
                        .asString())
                .isEqualTo("total: must be a decimal number ≥ 0, got -3");
        assertThat(orders()).isZero();
    }

    @Test
    void fiftyDeliveriesWithRepeatsAndShuffledUpdatesLeaveExactlyTheNewestVersions() throws Exception {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        List<String> deliveries = new ArrayList<>();
        for (int o = 0; o < 10; o++) {
            for (int v = 0; v < 3; v++) {
                deliveries.add(order("order-" + o, base, (o * 10 + v) + ".50", null, null, base.plusSeconds(60L * v)));
            }
        }
        Random random = new Random(19);
        while (deliveries.size() < 50) {
            deliveries.add(deliveries.get(random.nextInt(30)));
        }
        Collections.shuffle(deliveries, random);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String d : deliveries) {
                answers.add(pool.submit(() -> generic(d)));
            }
            int stored = 0;
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                if (json.readTree(r.body()).get("outcome").asString().equals("stored")) {
                    stored++;
                }
            }
            assertThat(stored).as("each order stored once").isEqualTo(10);
        } finally {
            pool.shutdown();
        }
        assertThat(orders()).isEqualTo(10);
        for (int o = 0; o < 10; o++) {
            Map<String, Object> row = row("order-" + o);
            assertThat((BigDecimal) row.get("total")).isEqualByComparingTo((o * 10 + 2) + ".50");
            assertThat(((Timestamp) row.get("updated_at")).toInstant()).isEqualTo(base.plusSeconds(120));
        }
    }

    @Test
    void versionsOfOneOrderStoredTogetherKeepTheNewestAndAnswerTheOthersUnchanged() {
        java.time.Instant created = java.time.Instant.parse("2026-12-01T10:00:00Z");
        IncomingOrder first = new IncomingOrder(
                new io.microreach.campaigns.OrderEvent(
                        "together-1", created, new java.math.BigDecimal("10.00"), "EUR", "anna15", null),
                List.of("anna15"),
                created,
                null);
        IncomingOrder newer = new IncomingOrder(
                new io.microreach.campaigns.OrderEvent(
                        "together-1", created, new java.math.BigDecimal("12.50"), "EUR", "BEN10", null),
                List.of("BEN10"),
                created.plusSeconds(60),
                null);
        assertThat(intake.ingestAll(ws, OrderSource.GENERIC, List.of(first, newer, first)))
                .containsExactly(IngestOutcome.UNCHANGED, IngestOutcome.STORED, IngestOutcome.UNCHANGED);
        assertThat(jdbc.queryForMap(
                        "SELECT total, campaign_creator_id, attribution_basis FROM campaign_order WHERE order_id ="
                                + " 'together-1'"))
                .containsEntry("total", new java.math.BigDecimal("12.50"))
                .containsEntry("campaign_creator_id", ben)
                .containsEntry("attribution_basis", "promo_code");
        // Delivered again one by one, in the old order: nothing changes.
        assertThat(intake.ingest(ws, OrderSource.GENERIC, first)).isEqualTo(IngestOutcome.UNCHANGED);
        assertThat(intake.ingest(ws, OrderSource.GENERIC, newer)).isEqualTo(IngestOutcome.UNCHANGED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign_order WHERE order_id = 'together-1'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void aShopifyOrderStoresItsTotalCodeAndTheClickIdFromTheLandingSite() throws IOException {
        String clickId = clickOf("benLink01", TrackingFixture.BROWSER);
        String body;
        try (InputStream in = getClass().getResourceAsStream("/tracking/shopify-orders-create.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Instant created = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        body = body.replace("MR_CLICK_ID", clickId)
                .replace("\"created_at\": \"2026-12-07T11:15:47-05:00\"", "\"created_at\": \"" + created + "\"")
                .replace("\"updated_at\": \"2026-12-07T11:15:48-05:00\"", "\"updated_at\": \"" + created + "\"");
        HttpResponse<String> r = post(
                endpoint.shopifyUrl(),
                body,
                Map.of(
                        "X-Shopify-Hmac-Sha256",
                        TrackingFixture.base64Hmac(endpoint.secret(), body),
                        "X-Shopify-Topic",
                        "orders/create"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> row = row("820982911946154508");
        assertThat((BigDecimal) row.get("total")).isEqualByComparingTo("74.80");
        assertThat(row.get("currency")).isEqualTo("EUR");
        assertThat(row.get("promo_code")).isEqualTo("anna15");
        assertThat(row.get("click_id")).isEqualTo(clickId);
        assertThat(row.get("source")).isEqualTo("shopify");
        assertThat(row.get("attribution_basis"))
                .as("the code wins over Ben's click")
                .isEqualTo("promo_code");
        assertThat(row.get("campaign_creator_id")).isEqualTo(anna);
        assertThat(row.get("line_items").toString()).contains("TRAIL-42").doesNotContain("Jon");
        assertThat(row.toString()).doesNotContain("jon@example.com").doesNotContain("Hauptstrasse");

        // orders/updated: a newer version replaces, the old one re-delivered changes nothing.
        String updated = body.replace("\"total_price\": \"74.80\"", "\"total_price\": \"60.00\"")
                .replace("\"updated_at\": \"" + created + "\"", "\"updated_at\": \"" + created.plusSeconds(30) + "\"");
        post(
                endpoint.shopifyUrl(),
                updated,
                Map.of("X-Shopify-Hmac-Sha256", TrackingFixture.base64Hmac(endpoint.secret(), updated)));
        post(
                endpoint.shopifyUrl(),
                body,
                Map.of("X-Shopify-Hmac-Sha256", TrackingFixture.base64Hmac(endpoint.secret(), body)));
        assertThat((BigDecimal) row("820982911946154508").get("total")).isEqualByComparingTo("60.00");
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void theCodeWinsOverTheClickTheClickOverNothing() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String annaClick = clickOf("annaLink1", TrackingFixture.BROWSER);
        String botClick = clickOf("annaLink1", "Mozilla/5.0 (compatible; bingbot/2.0)");
        jdbc.update(
                "INSERT INTO campaign_click (workspace_id, campaign_creator_id, click_id, clicked_at, visitor_hash, kind)"
                        + " VALUES (?, ?, 'old-click', ?, '\\x00', 'click')",
                ws,
                anna,
                Timestamp.from(now.minus(10, ChronoUnit.DAYS)));
        generic(order("a1", now, "20", "BEN10", annaClick, null));
        generic(order("a2", now, "20", null, annaClick, null));
        generic(order("a3", now, "20", "NOBODY", null, null));
        generic(order("a4", now, "20", null, "old-click", null));
        generic(order("a5", now, "20", null, botClick, null));
        generic(order("a6", now, "20", null, "made-up", null));
        assertThat(row("a1"))
                .containsEntry("campaign_creator_id", ben)
                .containsEntry("attribution_basis", "promo_code");
        assertThat(row("a2")).containsEntry("campaign_creator_id", anna).containsEntry("attribution_basis", "click");
        for (String id : List.of("a3", "a4", "a5", "a6")) {
            assertThat(row(id)).as(id).containsEntry("attribution_basis", "none");
            assertThat(row(id).get("campaign_creator_id")).as(id).isNull();
        }
        assertThat(row("a4").get("attribution_reason").toString()).contains("outside the 7-day window");
        assertThat(row("a3").get("attribution_reason").toString()).contains("NOBODY belongs to no creator");
    }

    @Test
    void rotatingTheSecretRefusesTheOldOneAndIsAudited() {
        String old = endpoint.secret();
        WebhookEndpoint rotated = secrets.rotate(ws, "owner@test.local");
        assertThat(rotated.secret()).isNotEqualTo(old).startsWith("mrwh_");
        assertThat(rotated.ordersUrl()).isEqualTo(endpoint.ordersUrl());
        String body = order("r1", Instant.now(), "1", null, null, null);
        assertThat(post(
                                endpoint.ordersUrl(),
                                body,
                                Map.of("X-Microreach-Signature", TrackingFixture.hexHmac(old, body)))
                        .statusCode())
                .isEqualTo(401);
        endpoint = rotated;
        assertThat(generic(body).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = 'webhook.secret.rotate' AND workspace_id = ?",
                        Long.class,
                        ws))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT secret FROM webhook_secret WHERE workspace_id = ?", byte[].class, ws))
                .as("stored encrypted")
                .asString(StandardCharsets.ISO_8859_1)
                .doesNotContain(rotated.secret());
    }
}
