package io.microreach.ingest;

import java.util.Locale;

/** Byte counts in the words messages use: "4 GiB", "1 MiB", "1,500 bytes". */
final class Sizes {
    private Sizes() {}

    static String bytes(long n) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        long unit = 1024;
        String out = String.format(Locale.ROOT, "%,d bytes", n);
        for (String u : units) {
            if (n >= unit && n % unit == 0) {
                out = String.format(Locale.ROOT, "%,d %s", n / unit, u);
            }
            unit *= 1024;
        }
        return out;
    }
}
