package io.microreach.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON written straight into a UTF-8 byte buffer: the stand-in answers hundreds of thousands of requests, and
 * building a tree (or a String that one emoji turns into UTF-16, encoded again on the way out) per answer would make
 * the benchmark measure the stand-in instead of the connector.
 */
final class JsonText {
    private byte[] buf;
    private int len;

    JsonText(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Text that is already JSON (literals, field names, punctuation). */
    JsonText raw(String s) {
        for (int n = 0; n < s.length(); n++) {
            n = put(s, n);
        }
        return this;
    }

    JsonText raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    JsonText raw(byte[] fragment) {
        ensure(fragment.length);
        System.arraycopy(fragment, 0, buf, len, fragment.length);
        len += fragment.length;
        return this;
    }

    JsonText num(long n) {
        return raw(Long.toString(n));
    }

    /** A JSON string with the escapes RFC 8259 requires; other characters, emoji included, go as UTF-8. */
    JsonText str(String s) {
        raw('"');
        for (int n = 0; n < s.length(); n++) {
            char c = s.charAt(n);
            switch (c) {
                case '"' -> raw("\\\"");
                case '\\' -> raw("\\\\");
                case '\n' -> raw("\\n");
                case '\r' -> raw("\\r");
                case '\t' -> raw("\\t");
                default -> {
                    if (c < 0x20) {
                        raw(String.format("\\u%04x", (int) c));
                    } else {
                        n = put(s, n);
                    }
                }
            }
        }
        return raw('"');
    }

    byte[] bytes() {
        return Arrays.copyOf(buf, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    /** Appends the character at {@code n} as UTF-8; returns the index of its last char (a pair takes two). */
    private int put(String s, int n) {
        char c = s.charAt(n);
        ensure(4);
        if (c < 0x80) {
            buf[len++] = (byte) c;
        } else if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | (c >> 6));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && n + 1 < s.length() && Character.isLowSurrogate(s.charAt(n + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(n + 1));
            buf[len++] = (byte) (0xF0 | (cp >> 18));
            buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (cp & 0x3F));
            return n + 1;
        } else {
            buf[len++] = (byte) (0xE0 | (c >> 12));
            buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        }
        return n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
