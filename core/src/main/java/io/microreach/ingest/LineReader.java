package io.microreach.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into physical lines ({@code \n}, {@code \r\n} or a lone {@code \r}) and decodes each one as
 * strict UTF-8. A line longer than the cap is not kept: its bytes are skipped up to the next line end and it is
 * reported as too long, so one endless line costs no more memory than the cap. Decoding per line (not per stream)
 * lets an invalid byte reject its own line instead of turning into U+FFFD silently.
 */
final class LineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[256];
    private int length;
    private boolean tooLong;
    private String terminator = "";
    private long number;
    private boolean malformed;
    private String text;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the next physical line; {@code false} at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        terminator = "";
        text = null;
        malformed = false;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            any = true;
            int start = pos;
            int end = start;
            while (end < limit && chunk[end] != '\n' && chunk[end] != '\r') {
                end++;
            }
            append(start, end - start);
            pos = end;
            if (end < limit) {
                byte b = chunk[pos++];
                if (b == '\n') {
                    terminator = "\n";
                } else if ((pos < limit || fill()) && chunk[pos] == '\n') {
                    pos++;
                    terminator = "\r\n";
                } else {
                    terminator = "\r";
                }
                break;
            }
        }
        number++;
        if (!tooLong) {
            decode();
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(chunk, 0, chunk.length);
        if (n <= 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void append(int from, int count) {
        if (tooLong || count == 0) {
            return;
        }
        if ((long) length + count > maxLineBytes) {
            tooLong = true;
            length = 0;
            if (line.length > 1 << 16) {
                line = new byte[256]; // give a grown buffer back rather than pinning the cap
            }
            return;
        }
        if (length + count > line.length) {
            byte[] grown = new byte[(int) Math.min(maxLineBytes, Math.max((long) line.length * 2, length + count))];
            System.arraycopy(line, 0, grown, 0, length);
            line = grown;
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
    }

    private void decode() {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
            return;
        }
        try {
            text = decoder.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            malformed = true;
            text = new String(line, 0, length, StandardCharsets.UTF_8);
        }
    }

    /** 1-based number of the current physical line. */
    long number() {
        return number;
    }

    /** The current line is longer than the cap; its text is not available. */
    boolean tooLong() {
        return tooLong;
    }

    /** The current line is not valid UTF-8; {@link #text()} holds it with U+FFFD for the invalid bytes. */
    boolean malformed() {
        return malformed;
    }

    /** The current line without its terminator; {@code null} when it is too long. */
    String text() {
        return text;
    }

    /** How the current line ended: {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or {@code ""} at the end of the file. */
    String terminator() {
        return terminator;
    }

    /** Bytes of the current line without its terminator (0 when too long). */
    int byteLength() {
        return length;
    }

    int maxLineBytes() {
        return maxLineBytes;
    }

    void close() throws IOException {
        in.close();
    }
}
