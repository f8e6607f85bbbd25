package io.microreach.app.tracking;

import io.microreach.app.home.MicroreachHome;
import io.microreach.app.home.SecretKeyFile;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The visitor of a click as HMAC-SHA256(salt of the UTC day, client IP + user agent): enough to count a visitor once
 * per day, useless for anything else. The salt is random and replaced at the first click of each new UTC day, when the
 * old one is deleted, so a hash cannot be linked to the same visitor on another day, and once the day is over no one,
 * the database's owner included, can test a guessed IP address against its hashes.
 *
 * <p>The day's salt is kept in the database ({@code visitor_salt}, sealed with the home folder's secret key: {@link
 * SecretKeyFile}), so a restart within the day keeps counting a visitor once, and several servers on one database
 * share it (the first to make it wins, the others read it). A copy of the database alone does not reveal it. When the
 * database cannot be reached the server makes a salt of its own for the day and keeps redirecting: unique counts may
 * then count a visitor twice, clicks are not lost.
 */
@Component
class VisitorHashes {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorHashes.class);

    private record Salt(LocalDate day, byte[] bytes) {}

    private final JdbcTemplate jdbc;
    private final SecretKeyFile keys;
    private final SecureRandom random = new SecureRandom();
    private volatile Salt salt;
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();
    private final ThreadLocal<Salt> macSalt = new ThreadLocal<>();

    VisitorHashes(JdbcTemplate jdbc, MicroreachHome home) {
        this.jdbc = jdbc;
        this.keys = new SecretKeyFile(home);
    }

    byte[] hash(String ip, String userAgent, Instant at) {
        Salt s = saltFor(at.atOffset(ZoneOffset.UTC).toLocalDate());
        try {
            Mac mac = macs.get();
            if (mac == null || macSalt.get() != s) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(s.bytes(), "HmacSHA256"));
                macs.set(mac);
                macSalt.set(s);
            }
            mac.update((ip == null ? "" : ip).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return mac.doFinal((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private Salt saltFor(LocalDate day) {
        Salt s = salt;
        if (s != null && !day.isAfter(s.day())) {
            // A click stamped just before midnight that arrives after the rotation hashes under the new day's salt.
            return s;
        }
        synchronized (this) {
            if (salt == null || day.isAfter(salt.day())) {
                salt = new Salt(day, daySalt(day));
            }
            return salt;
        }
    }

    /** The day's stored salt, made and stored first when there is none; older days' salts are deleted. */
    private byte[] daySalt(LocalDate day) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        HexFormat hex = HexFormat.of();
        try {
            jdbc.update(
                    "INSERT INTO visitor_salt (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING",
                    day,
                    keys.seal(hex.formatHex(fresh)));
            byte[] sealed = jdbc.queryForObject("SELECT salt FROM visitor_salt WHERE day = ?", byte[].class, day);
            jdbc.update("DELETE FROM visitor_salt WHERE day < ?", day);
            return hex.parseHex(keys.open(sealed));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Visitor hashes: the day's salt could not be stored or read ({}); using one of this server's own"
                            + " for {}",
                    e.getMessage(),
                    day);
            return fresh;
        }
    }
}
