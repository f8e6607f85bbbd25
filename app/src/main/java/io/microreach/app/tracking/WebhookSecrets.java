package io.microreach.app.tracking;

import io.microreach.app.home.MicroreachHome;
import io.microreach.app.home.SecretKeyFile;
import io.microreach.app.security.CurrentWorkspace;
import io.microreach.app.users.AuditLog;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The webhook secret of each workspace, created on first use: an opaque random key that names the workspace in the
 * webhook addresses (so the addresses reveal neither the workspace nor its id) and a random signing secret, stored
 * encrypted ({@link SecretKeyFile}). Rotating replaces the secret (the addresses stay) and is audited as {@code
 * webhook.secret.rotate}; deliveries signed with the old secret are refused from then on.
 */
@Service
public class WebhookSecrets {
    /** What a delivery to a path key is checked against. */
    record Signing(long workspaceId, byte[] secret, byte[] shopifySecret) {}

    private record Cached(Optional<Signing> signing, long expiresAt) {}

    /**
     * How long a path key's secrets are reused without reading the database; a rotation in this process takes effect
     * at once, one made by the command line (another process) within this time.
     */
    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final CurrentWorkspace workspace;
    private final AuditLog audit;
    private final SecretKeyFile keys;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Cached> byKey = new ConcurrentHashMap<>();

    WebhookSecrets(
            JdbcTemplate jdbc,
            CurrentWorkspace workspace,
            AuditLog audit,
            MicroreachHome home,
            @Value("${microreach.public-url:}") String publicUrl) {
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.audit = audit;
        this.keys = new SecretKeyFile(home);
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    /** The current workspace's endpoint (the web caller's, or the command line's), created on first use. */
    public WebhookEndpoint current() {
        return endpoint(workspace.id());
    }

    /** The workspace's endpoint, created on first use. */
    public WebhookEndpoint endpoint(long workspaceId) {
        jdbc.update(
                "INSERT INTO webhook_secret (workspace_id, path_key, secret) VALUES (?, ?, ?)"
                        + " ON CONFLICT (workspace_id) DO NOTHING",
                workspaceId,
                token(24),
                keys.seal(newSecret()));
        return jdbc.queryForObject(
                "SELECT path_key, secret, shopify_secret IS NOT NULL, rotated_at FROM webhook_secret"
                        + " WHERE workspace_id = ?",
                (rs, i) -> {
                    String key = rs.getString(1);
                    return new WebhookEndpoint(
                            workspaceId,
                            keys.open(rs.getBytes(2)),
                            url("/api/webhooks/" + key + "/orders"),
                            url("/api/webhooks/" + key + "/shopify"),
                            rs.getBoolean(3),
                            rs.getTimestamp(4).toInstant());
                },
                workspaceId);
    }

    /** Replaces the current workspace's signing secret; returns the endpoint with the new one. */
    public WebhookEndpoint rotateCurrent() {
        return rotate(workspace.id(), workspace.actor());
    }

    /** Replaces the workspace's signing secret (the addresses stay); audited. */
    public WebhookEndpoint rotate(long workspaceId, String actor) {
        endpoint(workspaceId);
        jdbc.update(
                "UPDATE webhook_secret SET secret = ?, rotated_at = ? WHERE workspace_id = ?",
                keys.seal(newSecret()),
                java.sql.Timestamp.from(Instant.now()),
                workspaceId);
        byKey.clear();
        audit.record(actor, workspaceId, "webhook.secret.rotate", "workspace " + workspaceId, null);
        return endpoint(workspaceId);
    }

    /**
     * Sets the key the shop signs its Shopify webhooks with (Shopify chooses it: Settings → Notifications → Webhooks
     * shows it), or with null goes back to the workspace secret; audited.
     */
    public WebhookEndpoint setShopifySecret(long workspaceId, String shopifySecret, String actor) {
        endpoint(workspaceId);
        String s = shopifySecret == null || shopifySecret.isBlank() ? null : shopifySecret.strip();
        jdbc.update(
                "UPDATE webhook_secret SET shopify_secret = ? WHERE workspace_id = ?",
                s == null ? null : keys.seal(s),
                workspaceId);
        byKey.clear();
        audit.record(
                actor,
                workspaceId,
                s == null ? "webhook.shopify-secret.clear" : "webhook.shopify-secret.set",
                "workspace " + workspaceId,
                null);
        return endpoint(workspaceId);
    }

    /** {@link #setShopifySecret} for the current workspace. */
    public WebhookEndpoint setShopifySecretCurrent(String shopifySecret) {
        return setShopifySecret(workspace.id(), shopifySecret, workspace.actor());
    }

    /** Whether the campaign exists in the current workspace. */
    public boolean campaignExists(long campaignId) {
        Long n = jdbc.queryForObject(
                "SELECT count(*) FROM campaign WHERE id = ? AND workspace_id = ?",
                Long.class,
                campaignId,
                workspace.id());
        return n != null && n > 0;
    }

    /** The workspace and secrets behind a webhook path key; cached until a rotation. */
    Optional<Signing> signing(String pathKey) {
        if (pathKey == null || pathKey.length() > 64) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached cached = byKey.get(pathKey);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.signing();
        }
        Optional<Signing> found = jdbc
                .query(
                        "SELECT workspace_id, secret, shopify_secret FROM webhook_secret WHERE path_key = ?",
                        (rs, i) -> {
                            byte[] shop = rs.getBytes(3);
                            byte[] secret = bytes(keys.open(rs.getBytes(2)));
                            return new Signing(rs.getLong(1), secret, shop == null ? secret : bytes(keys.open(shop)));
                        },
                        pathKey)
                .stream()
                .findFirst();
        if (byKey.size() >= 10_000) {
            byKey.clear();
        }
        byKey.put(pathKey, new Cached(found, now + CACHE_TTL.toNanos()));
        return found;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String url(String path) {
        return publicUrl.isEmpty() ? path : publicUrl + path;
    }

    private String newSecret() {
        return "mrwh_" + token(32);
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
