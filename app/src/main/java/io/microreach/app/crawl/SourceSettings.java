package io.microreach.app.crawl;

import static io.microreach.app.database.SqlColumns.instant;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Per-source settings: the base URL, the key or token, and the sync interval. A base URL comes from, in this order,
 * the crawl's {@code --base-url}, the property {@code microreach.connectors.<source>.base-url}, the Sources page,
 * the platform's public address. A key comes from the environment variable first, then the Sources page (stored
 * encrypted). A key is never returned to a page or an API, only where it came from.
 */
@Service
public class SourceSettings {
    static final int MAX_SECRET_LENGTH = 1_000;

    private final JdbcTemplate jdbc;
    private final Environment env;
    private final SourceSecrets secrets;
    private final Function<String, String> environmentVariables;

    @Autowired
    public SourceSettings(JdbcTemplate jdbc, Environment env, SourceSecrets secrets) {
        this(jdbc, env, secrets, System::getenv);
    }

    SourceSettings(
            JdbcTemplate jdbc, Environment env, SourceSecrets secrets, Function<String, String> environmentVariables) {
        this.jdbc = jdbc;
        this.env = env;
        this.secrets = secrets;
        this.environmentVariables = environmentVariables;
    }

    /** Where a source's key comes from. */
    public enum KeyOrigin {
        NOT_NEEDED,
        ENVIRONMENT,
        STORED,
        MISSING
    }

    /** What the Sources page and {@code microreach sources} show of a source's settings; never the key itself. */
    public record SourceConfig(
            Source source,
            String baseUrl,
            KeyOrigin keyOrigin,
            boolean extraSet,
            Integer syncMinutes,
            Instant lastSyncAt,
            long accounts,
            Instant lastFetchedAt) {

        public boolean ready() {
            return keyOrigin != KeyOrigin.MISSING && (source.accountEnv() == null || extraSet);
        }
    }

    private record Row(String baseUrl, byte[] secret, String extra, Integer syncMinutes, Instant lastSyncAt) {}

    private Optional<Row> row(Source s) {
        return jdbc
                .query(
                        "SELECT base_url, secret, secret_extra, sync_minutes, last_sync_at FROM source_setting"
                                + " WHERE source = ?",
                        (rs, i) -> new Row(
                                rs.getString(1),
                                rs.getBytes(2),
                                rs.getString(3),
                                (Integer) rs.getObject(4),
                                instant(rs, 5)),
                        s.id())
                .stream()
                .findFirst();
    }

    public SourceConfig config(Source s) {
        Optional<Row> row = row(s);
        Map<String, Object> counts = jdbc.queryForMap(
                "SELECT count(*) AS n, max(fetched_at) AS latest FROM account_source WHERE source = ?", s.id());
        Object latest = counts.get("latest");
        return new SourceConfig(
                s,
                baseUrl(s, null).toString(),
                keyOrigin(s, row),
                extra(s).isPresent(),
                row.map(Row::syncMinutes).orElse(null),
                row.map(Row::lastSyncAt).orElse(null),
                ((Number) counts.get("n")).longValue(),
                latest == null ? null : ((java.sql.Timestamp) latest).toInstant());
    }

    public List<SourceConfig> all() {
        return java.util.Arrays.stream(Source.values()).map(this::config).toList();
    }

    private KeyOrigin keyOrigin(Source s, Optional<Row> row) {
        if (!s.needsKey()) {
            return KeyOrigin.NOT_NEEDED;
        }
        if (present(environmentVariables.apply(s.keyEnv()))) {
            return KeyOrigin.ENVIRONMENT;
        }
        return row.map(Row::secret).isPresent() ? KeyOrigin.STORED : KeyOrigin.MISSING;
    }

    /** The base URL to crawl: {@code override} (a crawl's {@code --base-url}) when given, else as the class says. */
    public URI baseUrl(Source s, String override) {
        if (present(override)) {
            return validUrl(override, "baseUrl");
        }
        String property = env.getProperty("microreach.connectors." + s.id() + ".base-url");
        if (present(property)) {
            return validUrl(property, "microreach.connectors." + s.id() + ".base-url");
        }
        return row(s).map(Row::baseUrl)
                .filter(SourceSettings::present)
                .map(u -> validUrl(u, "baseUrl"))
                .orElse(URI.create(s.defaultBaseUrl()));
    }

    /** {@code microreach.connectors.<source>.requests-per-minute}, or {@code null} for the documented limit. */
    Integer requestsPerMinute(Source s) {
        String name = "microreach.connectors." + s.id() + ".requests-per-minute";
        String value = env.getProperty(name);
        if (!present(value)) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SourceProblem(name, "a rate limit is a positive whole number of requests per minute: " + value);
        }
    }

    Optional<String> key(Source s) {
        if (!s.needsKey()) {
            return Optional.empty();
        }
        String fromEnv = environmentVariables.apply(s.keyEnv());
        if (present(fromEnv)) {
            return Optional.of(fromEnv.trim());
        }
        return row(s).map(Row::secret).map(secrets::decrypt);
    }

    Optional<String> extra(Source s) {
        if (s.accountEnv() == null) {
            return Optional.empty();
        }
        String fromEnv = environmentVariables.apply(s.accountEnv());
        if (present(fromEnv)) {
            return Optional.of(fromEnv.trim());
        }
        return row(s).map(Row::extra).filter(SourceSettings::present);
    }

    /**
     * Saves what the Sources page sent. A blank key keeps the stored one ({@code clearKey} removes it); a blank base
     * URL goes back to the default; a blank interval turns scheduled syncs off.
     *
     * @throws SourceProblem naming the field when a value is not acceptable (nothing is saved then)
     */
    public void update(Source s, String baseUrl, String key, boolean clearKey, String extra, String syncMinutes) {
        String url = present(baseUrl) ? validUrl(baseUrl, "baseUrl").toString() : null;
        byte[] secret = null;
        if (present(key)) {
            String k = key.trim();
            if (k.length() > MAX_SECRET_LENGTH || !k.chars().allMatch(c -> c > 32 && c < 127)) {
                throw new SourceProblem(
                        "key", "a key or token is up to " + MAX_SECRET_LENGTH + " printable characters without spaces");
            }
            secret = secrets.encrypt(k);
        }
        String account = present(extra) ? extra.trim() : null;
        if (account != null && !account.matches("[0-9]{1,30}")) {
            throw new SourceProblem(
                    "accountId", "the Instagram business account id is a number, e.g. 17841400000000000");
        }
        Integer minutes = null;
        if (present(syncMinutes)) {
            try {
                minutes = Integer.parseInt(syncMinutes.trim().replace(",", ""));
            } catch (NumberFormatException e) {
                throw new SourceProblem("syncMinutes", "the sync interval is a whole number of minutes, e.g. 1440");
            }
            if (minutes < 5 || minutes > 60 * 24 * 31) {
                throw new SourceProblem("syncMinutes", "the sync interval is between 5 minutes and 31 days");
            }
        }
        jdbc.update(
                "INSERT INTO source_setting (source, base_url, secret, secret_extra, sync_minutes) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (source) DO UPDATE SET base_url = excluded.base_url,"
                        + " secret = CASE WHEN ? THEN NULL ELSE coalesce(excluded.secret, source_setting.secret) END,"
                        + " secret_extra = coalesce(excluded.secret_extra, source_setting.secret_extra),"
                        + " sync_minutes = excluded.sync_minutes, updated_at = now()",
                s.id(),
                url,
                clearKey ? null : secret,
                account,
                minutes,
                clearKey);
    }

    void syncedNow(Source s) {
        jdbc.update(
                "INSERT INTO source_setting (source, last_sync_at) VALUES (?, now())"
                        + " ON CONFLICT (source) DO UPDATE SET last_sync_at = now()",
                s.id());
    }

    /** Sources whose scheduled sync is due. */
    List<Source> due() {
        return jdbc
                .queryForList(
                        "SELECT source FROM source_setting WHERE sync_minutes IS NOT NULL AND (last_sync_at IS NULL"
                                + " OR last_sync_at + sync_minutes * interval '1 minute' <= now()) ORDER BY source",
                        String.class)
                .stream()
                .flatMap(id -> Source.fromId(id).stream())
                .toList();
    }

    static URI validUrl(String value, String field) {
        try {
            URI u = new URI(value.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new SourceProblem(field, "a base URL is an http(s) address such as https://mastodon.social");
            }
            String s = u.toString();
            return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        } catch (URISyntaxException e) {
            throw new SourceProblem(field, "not a URL: " + e.getReason());
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
