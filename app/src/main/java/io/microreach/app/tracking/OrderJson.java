package io.microreach.app.tracking;

import io.microreach.campaigns.OrderEvent;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the two webhook bodies into an {@link IncomingOrder}. Generic: {@code {orderId, createdAt, total, currency,
 * promoCode?, clickId?, lineItems?[], updatedAt?}}. Shopify's order payload ({@code orders/create}, {@code
 * orders/updated}): {@code id}, {@code created_at}, {@code updated_at}, {@code total_price} (a string), {@code
 * currency}, {@code discount_codes[].code}, the click id from {@code note_attributes} (name {@code mr_click}) or else
 * from the {@code mr_click} parameter of {@code landing_site} (where our redirect put it), and {@code line_items}
 * reduced to id, product, variant, SKU, title, quantity and price: the customer's name, e-mail and addresses in the
 * payload are never read.
 */
final class OrderJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private OrderJson() {}

    static IncomingOrder generic(byte[] body) {
        JsonNode root = object(body);
        String orderId = OrderFields.orderId("orderId", scalar(root, "orderId"));
        Instant created = OrderFields.time("createdAt", text(root, "createdAt"), true);
        Instant updated = OrderFields.time("updatedAt", text(root, "updatedAt"), false);
        BigDecimal total = total(root, "total");
        String currency = OrderFields.currency("currency", text(root, "currency"));
        String code = OrderFields.optionalCode("promoCode", text(root, "promoCode"));
        String click = OrderFields.optionalCode("clickId", text(root, "clickId"));
        JsonNode items = root.get("lineItems");
        String lineItems = null;
        if (items != null && !items.isNull()) {
            if (!items.isArray()) {
                throw new OrderProblem("lineItems", "must be an array");
            }
            lineItems = JSON.writeValueAsString(items);
        }
        return new IncomingOrder(
                new OrderEvent(orderId, created, total, currency, code, click),
                code == null ? List.of() : List.of(code),
                updated,
                lineItems);
    }

    static IncomingOrder shopify(byte[] body) {
        JsonNode root = object(body);
        String orderId = OrderFields.orderId("id", scalar(root, "id"));
        Instant created = OrderFields.time("created_at", text(root, "created_at"), true);
        Instant updated = OrderFields.time("updated_at", text(root, "updated_at"), false);
        BigDecimal total = total(root, "total_price");
        String currency = OrderFields.currency("currency", text(root, "currency"));
        List<String> codes = new ArrayList<>();
        JsonNode discounts = root.get("discount_codes");
        if (discounts != null && discounts.isArray()) {
            for (int i = 0; i < discounts.size(); i++) {
                String code =
                        OrderFields.optionalCode("discount_codes[" + i + "].code", text(discounts.get(i), "code"));
                if (code != null) {
                    codes.add(code);
                }
            }
        }
        String click = OrderFields.optionalCode("note_attributes.mr_click", noteAttribute(root, "mr_click"));
        if (click == null) {
            click = OrderFields.optionalCode("landing_site", queryParameter(text(root, "landing_site"), "mr_click"));
        }
        String lineItems = null;
        JsonNode items = root.get("line_items");
        if (items != null && items.isArray()) {
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode item : items) {
                ObjectNode k = kept.addObject();
                for (String f : List.of("id", "product_id", "variant_id", "sku", "title", "quantity", "price")) {
                    if (item.has(f)) {
                        k.set(f, item.get(f));
                    }
                }
            }
            lineItems = JSON.writeValueAsString(kept);
        }
        return new IncomingOrder(
                new OrderEvent(orderId, created, total, currency, codes.isEmpty() ? null : codes.get(0), click),
                codes,
                updated,
                lineItems);
    }

    private static JsonNode object(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new OrderProblem("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new OrderProblem("body", "must be a JSON object");
        }
        return root;
    }

    /** A text field; a number is taken as its text, anything else is refused. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.asString();
        }
        throw new OrderProblem(field, "must be a string");
    }

    /** An id: a string or an integer (Shopify's ids are numbers). */
    private static String scalar(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        throw new OrderProblem(field, "must be a string or an integer");
    }

    private static BigDecimal total(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v != null && v.isNumber()) {
            return OrderFields.total(field, v.decimalValue());
        }
        if (v != null && !v.isNull() && !v.isString()) {
            throw new OrderProblem(field, "must be a decimal number ≥ 0");
        }
        return OrderFields.total(field, v == null || v.isNull() ? null : v.asString());
    }

    private static String noteAttribute(JsonNode root, String name) {
        JsonNode notes = root.get("note_attributes");
        if (notes == null || !notes.isArray()) {
            return null;
        }
        for (JsonNode n : notes) {
            JsonNode key = n.get("name");
            JsonNode value = n.get("value");
            if (key != null && key.isString() && name.equals(key.asString()) && value != null && value.isString()) {
                return value.asString();
            }
        }
        return null;
    }

    /** The value of one query parameter of a URL or path, or null. */
    static String queryParameter(String url, String name) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && name.equals(pair.substring(0, eq))) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
