package io.microreach.app.tracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The visitor of a click as HMAC-SHA256(salt of the UTC day, client IP + user agent): enough to count a visitor once
 * per day, useless for anything else. The salt is random, lives in memory only and is replaced (the old one dropped)
 * at the first click of each new UTC day, so a hash cannot be linked to the same visitor on another day, and without
 * the salt no one, the database's owner included, can test a guessed IP address against it. The price: a restart of
 * the server within a day starts a new salt, so a visitor clicking before and after it counts twice that day.
 */
@Component
class VisitorHashes {
    private record Salt(LocalDate day, byte[] bytes) {}

    private final SecureRandom random = new SecureRandom();
    private volatile Salt salt;
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();
    private final ThreadLocal<Salt> macSalt = new ThreadLocal<>();

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
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                salt = new Salt(day, bytes);
            }
            return salt;
        }
    }
}
