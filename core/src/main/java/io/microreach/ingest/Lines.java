package io.microreach.ingest;

/** Reasons for lines refused before their fields are read, the same for JSONL and CSV. */
final class Lines {
    private Lines() {}

    static String tooLong(int maxLineBytes) {
        return "line longer than " + Sizes.bytes(maxLineBytes)
                + " (limit microreach.import.max-line-bytes); skipped, reading goes on with the next line";
    }

    static String invalidUtf8(long line) {
        return "invalid UTF-8 on line " + line + " (save the file as UTF-8)";
    }

    /** A value quoted in a message: at most 40 characters, control characters shown as \\uXXXX. */
    static String shorten(String v) {
        String s = v.length() > 40 ? v.substring(0, 37) + "..." : v;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
