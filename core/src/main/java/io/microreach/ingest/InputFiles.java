package io.microreach.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens an input file for import after the checks that make a whole file unusable: missing, unreadable, empty,
 * binary or of an unknown format. Each failure is one line that names the file.
 */
public final class InputFiles {
    private static final int SNIFF_BYTES = 8192;
    private static final int[] BOM = {0xEF, 0xBB, 0xBF};

    private InputFiles() {}

    /** The formats the importer reads. */
    public enum Format {
        JSONL,
        CSV
    }

    /** Opens {@code file}, choosing JSONL or CSV by its extension ({@code .jsonl/.ndjson/.json/.csv}, optional .gz). */
    public static RecordSource open(Path file) throws UnusableInputException {
        return open(file, file.toString(), InputLimits.DEFAULT);
    }

    /**
     * Opens {@code file} under {@code limits}; {@code name} stands for the file in every message and rejection (an
     * upload's original name, so that no server path reaches its user).
     */
    public static RecordSource open(Path file, String name, InputLimits limits) throws UnusableInputException {
        if (!Files.exists(file)) {
            throw new UnusableInputException(name + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UnusableInputException(name + ": is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new UnusableInputException(name + ": not readable (check permissions)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnusableInputException(name + ": cannot read size: " + hide(e, file, name));
        }
        if (size == 0) {
            throw new UnusableInputException(name + ": the file is empty");
        }
        Format format = formatOf(file, name);
        try {
            CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
            InputStream raw = new BufferedInputStream(counting, 1 << 16);
            raw.mark(4);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream text = gzip
                    ? new BufferedInputStream(
                            new CappedInputStream(new GZIPInputStream(raw, 1 << 16), limits.maxDecompressedBytes()),
                            1 << 16)
                    : raw;
            checkText(name, text);
            LineReader lines = new LineReader(text, limits.maxLineBytes());
            return switch (format) {
                case JSONL -> new JsonlRecordReader(name, lines, counting, size);
                case CSV -> CsvRecordReader.open(name, lines, counting, size);
            };
        } catch (DecompressedTooLarge e) {
            throw new UnusableInputException(name + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UnusableInputException(name + ": cannot read: " + hide(e, file, name));
        }
    }

    /** An I/O message with the file's path replaced by the name it goes by. */
    private static String hide(IOException e, Path file, String name) {
        return String.valueOf(e.getMessage())
                .replace(file.toAbsolutePath().toString(), name)
                .replace(file.toString(), name);
    }

    static Format formatOf(Path file, String name) throws UnusableInputException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return Format.JSONL;
        }
        if (lower.endsWith(".csv")) {
            return Format.CSV;
        }
        throw new UnusableInputException(
                name + ": unknown file type; expected .jsonl, .ndjson, .json or .csv (optionally .gz)");
    }

    /** Rejects binary content up front: a NUL byte or invalid UTF-8 in the first 8 KiB. */
    private static void checkText(String name, InputStream in) throws IOException, UnusableInputException {
        in.mark(SNIFF_BYTES + 8);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length == 0) {
            throw new UnusableInputException(name + ": the file is empty");
        }
        boolean blank = true;
        for (int i = 0; i < head.length; i++) {
            byte b = head[i];
            if (b == 0) {
                throw new UnusableInputException(name + ": looks like a binary file (NUL bytes), not UTF-8 text");
            }
            boolean byteOrderMark = i < 3 && (b & 0xff) == BOM[i] && head.length >= 3 && head[0] == (byte) 0xEF;
            blank &= b == ' ' || b == '\t' || b == '\n' || b == '\r' || byteOrderMark;
        }
        if (blank && head.length < SNIFF_BYTES) {
            throw new UnusableInputException(name + ": holds no records (only blank lines)");
        }
        int len = head.length;
        // The sniffed block may cut a multi-byte character in two; ignore an incomplete tail of up to 3 bytes.
        for (int cut = 0; cut < 4 && len - cut > 0; cut++) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, len - cut));
                return;
            } catch (CharacterCodingException e) {
                if (len < SNIFF_BYTES) {
                    break;
                }
            }
        }
        throw new UnusableInputException(name + ": is not UTF-8 text (looks binary)");
    }

    /** Decompressed content beyond {@link InputLimits#maxDecompressedBytes()}. */
    static final class DecompressedTooLarge extends IOException {
        DecompressedTooLarge(long limit) {
            super("expands to more than " + Sizes.bytes(limit)
                    + " when decompressed (limit microreach.import.max-decompressed-bytes)");
        }
    }

    /** Fails once more than {@code max} bytes came through, so a gzip bomb stops at the cap. */
    static final class CappedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        CappedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count(s);
            return s;
        }

        private void count(long n) throws DecompressedTooLarge {
            count += n;
            if (count > max) {
                throw new DecompressedTooLarge(max);
            }
        }
    }

    /** Counts bytes read from disk, so progress works for compressed files too. */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }

        long count() {
            return count;
        }
    }
}
