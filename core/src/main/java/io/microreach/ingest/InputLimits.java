package io.microreach.ingest;

/**
 * Caps that keep one import's memory and time bounded whatever the file holds.
 *
 * @param maxDecompressedBytes the most bytes a compressed ({@code .gz}) file may expand to; a file that expands to
 *     more is refused there (the lines before stay read)
 * @param maxLineBytes the most bytes of one line (for CSV: of one record, which may span lines); a longer line is
 *     rejected on its own and reading goes on with the next one, without the long line ever being held in memory
 */
public record InputLimits(long maxDecompressedBytes, int maxLineBytes) {
    /** 4 GiB decompressed, 1 MiB per line. */
    public static final InputLimits DEFAULT = new InputLimits(4L << 30, 1 << 20);

    public InputLimits {
        if (maxDecompressedBytes < 1) {
            throw new IllegalArgumentException(
                    "the decompressed size limit must be positive, got " + maxDecompressedBytes);
        }
        if (maxLineBytes < 64) {
            throw new IllegalArgumentException("the line length limit must be at least 64 bytes, got " + maxLineBytes);
        }
    }
}
