package io.microreach.app.tracking;

import java.time.Instant;

/**
 * Where a shop sends a workspace's orders and how it signs them.
 *
 * @param secret the signing secret (HMAC-SHA256 key) of the generic webhook, and of the Shopify one unless the shop's
 *     own signing key was set
 * @param ordersUrl the generic webhook: absolute with {@code microreach.public-url} set, else the path
 * @param shopifyUrl the Shopify webhook, likewise
 * @param shopifySecretSet whether Shopify deliveries are checked with the shop's own key rather than {@code secret}
 * @param rotatedAt when the secret was created or last rotated
 */
public record WebhookEndpoint(
        long workspaceId,
        String secret,
        String ordersUrl,
        String shopifyUrl,
        boolean shopifySecretSet,
        Instant rotatedAt) {}
