package io.microreach.bench;

/**
 * JSON written straight into a buffer: the stand-in answers hundreds of thousands of requests, and building a tree
 * per answer would make the benchmark measure the stand-in's serializer instead of the connector.
 */
final class JsonText {
    private final StringBuilder sb;

    JsonText(int capacity) {
        sb = new StringBuilder(capacity);
    }

    JsonText raw(String s) {
        sb.append(s);
        return this;
    }

    JsonText raw(char c) {
        sb.append(c);
        return this;
    }

    JsonText num(long n) {
        sb.append(n);
        return this;
    }

    /** A JSON string with the escapes RFC 8259 requires; other characters, emoji included, go as they are. */
    JsonText str(String s) {
        sb.append('"');
        for (int n = 0; n < s.length(); n++) {
            char c = s.charAt(n);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
