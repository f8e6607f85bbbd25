package io.microreach.app.campaigns;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Tracking-link codes and promo codes. A tracking code is 10 random base-62 characters (about 59 bits): links are
 * public, so a code must not be guessable from a handle or from another creator's code. A promo code is meant to be
 * read aloud and typed, so it is made from the handle (letters and digits, at most 12) and a two-digit number; its
 * uniqueness per workspace is the database's job, and the caller asks again with the next number on a clash.
 */
final class Codes {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {}

    static String trackingCode() {
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The promo code for a handle, the {@code attempt}-th try (0, 1, …) when earlier ones were taken. */
    static String promoCode(String handle, int attempt) {
        String letters = Normalizer.normalize(handle == null ? "" : handle, Normalizer.Form.NFKD)
                .replaceAll("[^A-Za-z0-9]", "")
                .toUpperCase(Locale.ROOT);
        if (letters.length() > 12) {
            letters = letters.substring(0, 12);
        }
        if (letters.isEmpty()) {
            letters = "CODE";
        }
        return letters + (10 + attempt);
    }
}
