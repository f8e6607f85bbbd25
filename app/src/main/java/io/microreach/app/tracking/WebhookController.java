package io.microreach.app.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order webhooks, public (a shop has no account here) and without browser state or CSRF token: the signature is
 * the credential. The HMAC-SHA256 of the raw body under the workspace's secret is checked in constant time before
 * anything is parsed; a missing or wrong signature gets 401 and stores nothing. An unknown path key gets 404, as an
 * address that does not exist: the key is a random 192-bit name, so the answer tells a prober nothing, and a 401
 * would wrongly suggest that a better signature could help. A malformed body gets 400 with a problem JSON naming the
 * field.
 */
@RestController
class WebhookController {
    static final String SIGNATURE = "X-Microreach-Signature";
    static final String SHOPIFY_SIGNATURE = "X-Shopify-Hmac-Sha256";

    /** The answer to a delivery. */
    record Delivered(String orderId, String outcome) {}

    /** Largest order body read (4 MiB: a Shopify order with hundreds of line items is a few hundred KB). */
    static final int MAX_BODY = 4 << 20;

    private final WebhookSecrets secrets;
    private final OrderIntake intake;

    private final JsonMapper json;

    WebhookController(WebhookSecrets secrets, OrderIntake intake, JsonMapper json) {
        this.secrets = secrets;
        this.intake = intake;
        this.json = json;
    }

    @Operation(
            summary = "Generic order webhook",
            description = "Body {orderId, createdAt, total, currency, promoCode?, clickId?, lineItems?[], updatedAt?};"
                    + " header X-Microreach-Signature: sha256=<hex of HMAC-SHA256(secret, raw body)>. Exactly once"
                    + " per orderId; a newer updatedAt replaces the order.",
            responses = {
                @ApiResponse(responseCode = "200", description = "stored, updated or unchanged"),
                @ApiResponse(responseCode = "400", description = "malformed body, naming the field"),
                @ApiResponse(responseCode = "401", description = "missing or wrong signature: nothing stored"),
                @ApiResponse(responseCode = "404", description = "unknown webhook address")
            })
    @PostMapping(value = "/api/webhooks/{key}/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    void orders(
            @Parameter(description = "the workspace's webhook key") @PathVariable String key,
            @RequestHeader(value = SIGNATURE, required = false) String signature,
            HttpServletRequest body,
            HttpServletResponse response)
            throws IOException {
        deliver(key, body, OrderSource.GENERIC, () -> hexSignature(signature), OrderJson::generic, false)
                .writeTo(body, response, json);
    }

    @Operation(
            summary = "Shopify order webhook (orders/create, orders/updated)",
            description = "Shopify's order payload; header X-Shopify-Hmac-Sha256: base64 of HMAC-SHA256(secret, raw"
                    + " body). The click id comes from landing_site's mr_click parameter.",
            responses = {
                @ApiResponse(responseCode = "200", description = "stored, updated or unchanged"),
                @ApiResponse(responseCode = "400", description = "malformed body, naming the field"),
                @ApiResponse(responseCode = "401", description = "missing or wrong signature: nothing stored"),
                @ApiResponse(responseCode = "404", description = "unknown webhook address")
            })
    @PostMapping(value = "/api/webhooks/{key}/shopify", produces = MediaType.APPLICATION_JSON_VALUE)
    void shopify(
            @Parameter(description = "the workspace's webhook key") @PathVariable String key,
            @RequestHeader(value = SHOPIFY_SIGNATURE, required = false) String signature,
            HttpServletRequest body,
            HttpServletResponse response)
            throws IOException {
        deliver(key, body, OrderSource.SHOPIFY, () -> base64Signature(signature), OrderJson::shopify, true)
                .writeTo(body, response, json);
    }

    private Answer deliver(
            String key,
            HttpServletRequest request,
            OrderSource source,
            java.util.function.Supplier<byte[]> claimed,
            Function<byte[], IncomingOrder> parse,
            boolean shopify) {
        Optional<WebhookSecrets.Signing> signing = secrets.signing(key);
        if (signing.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, null, "no webhook at this address");
        }
        // The body is read here, bounded, and only for a known address: these endpoints are public, so a stranger's
        // upload must neither fill the heap nor be read at all.
        if (request.getContentLengthLong() > MAX_BODY) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "body", "an order body is at most " + MAX_BODY + " bytes");
        }
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            return problem(HttpStatus.BAD_REQUEST, "body", "the body could not be read: " + e.getMessage());
        }
        if (raw.length > MAX_BODY) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "body", "an order body is at most " + MAX_BODY + " bytes");
        }
        byte[] expected =
                hmac(shopify ? signing.get().shopifySecret() : signing.get().secret(), raw);
        byte[] given = claimed.get();
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            return problem(
                    HttpStatus.UNAUTHORIZED,
                    null,
                    given == null
                            ? "missing or unreadable signature header " + (shopify ? SHOPIFY_SIGNATURE : SIGNATURE)
                            : "the signature does not match the body (HMAC-SHA256 of the raw body with the"
                                    + " workspace's webhook secret)");
        }
        IncomingOrder order;
        try {
            order = parse.apply(raw);
        } catch (OrderProblem p) {
            return problem(HttpStatus.BAD_REQUEST, p.field(), p.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "body", e.getMessage());
        }
        IngestOutcome outcome = intake.ingest(signing.get().workspaceId(), source, order);
        return Answer.of(
                HttpStatus.OK,
                MediaType.APPLICATION_JSON_VALUE,
                new Delivered(order.event().orderId(), outcome.name().toLowerCase(Locale.ROOT)));
    }

    private static Answer problem(HttpStatus status, String field, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            p.setProperty("field", field);
        }
        return Answer.of(status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, p);
    }

    /**
     * An answer written straight to the response. Why not a {@code ResponseEntity}: Spring MVC's content negotiation
     * and converter lookup cost more than the JSON itself on an address a shop posts to thousands of times a second,
     * and the answer is always JSON.
     */
    private record Answer(HttpStatus status, String contentType, Object value) {
        static Answer of(HttpStatus status, String contentType, Object value) {
            return new Answer(status, contentType, value);
        }

        /** Writes the JSON with the application's mapper (which flattens a problem's properties, as Spring does). */
        void writeTo(HttpServletRequest request, HttpServletResponse response, JsonMapper json) throws IOException {
            if (value instanceof ProblemDetail p && p.getInstance() == null) {
                p.setInstance(java.net.URI.create(request.getRequestURI()));
            }
            byte[] body = json.writeValueAsBytes(value);
            response.setStatus(status.value());
            response.setContentType(contentType);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** {@code sha256=<hex>} (the prefix is optional, hex in either case), or null when unreadable. */
    private static byte[] hexSignature(String header) {
        if (header == null) {
            return null;
        }
        String s = header.strip();
        if (s.regionMatches(true, 0, "sha256=", 0, 7)) {
            s = s.substring(7);
        }
        if (s.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(s.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] base64Signature(String header) {
        if (header == null) {
            return null;
        }
        try {
            byte[] b = Base64.getDecoder().decode(header.strip().getBytes(StandardCharsets.US_ASCII));
            return b.length == 32 ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
