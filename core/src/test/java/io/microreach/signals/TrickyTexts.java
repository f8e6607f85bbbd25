package io.microreach.signals;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random short texts made of the pieces that hand-written text scanners get wrong: tag and mention signs next to
 * letters, digits and '/', combining marks, supplementary letters, non-ASCII digits, emoji with variation selectors,
 * repeated letters, question marks of three scripts, links and line breaks. Tests compare a scanner with the regular
 * expression that defines it on many of these.
 */
public final class TrickyTexts {
    private static final List<String> PIECES = List.of(
            "#",
            "@",
            ".",
            "..",
            "_",
            "&",
            "/",
            "?",
            "¿",
            "？",
            "!",
            " ",
            "  ",
            "\n",
            "\t",
            "-",
            ",",
            ":",
            "(",
            "*",
            "a",
            "Z",
            "é",
            "É",
            "e\u0301",
            "ß",
            "İ",
            "Ω",
            "ж",
            "料理",
            "\uD835\uDC9C",
            "😀",
            "❤\uFE0F",
            "1\uFE0F\u20E3",
            "3",
            "٣",
            "²",
            "Ⅻ",
            "ad",
            "made",
            "#ad",
            "[ad]",
            "Werbung",
            "sooo",
            "goooood",
            "yesss",
            "YESSS",
            "love",
            "nice",
            "pic",
            "amazing",
            "wow",
            "this",
            "is",
            "so",
            "tips",
            "recipe",
            "http://x.co/a?b=1",
            "www.shop.de",
            "1.",
            "2)",
            "jo.ann",
            "_x",
            "é\u0301\u0301",
            "\u3000",
            "\u00A0",
            "\u2028");

    private TrickyTexts() {}

    /** A text of up to {@code maxPieces} random pieces. */
    public static String next(SplittableRandom rng, int maxPieces) {
        StringBuilder s = new StringBuilder();
        int n = rng.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            s.append(PIECES.get(rng.nextInt(PIECES.size())));
        }
        return s.toString();
    }
}
