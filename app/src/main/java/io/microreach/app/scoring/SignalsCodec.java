package io.microreach.app.scoring;

import io.microreach.signals.scorecard.AccountSignals;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * The stored form of an account's signals: the core's {@link AccountSignals} as Smile (Jackson's binary JSON: the
 * same data binding as the REST JSON, but no number formatting or parsing and property names written once), then
 * LZ4-compressed, all in the JVM. Stored as JSON text (about 12 KB per account on a 100k-creator pool), PostgreSQL
 * compressed every value again with pglz on its single backend while the scorer's cores waited, and JSON writing and
 * reading were a sixth of the scorer's CPU (JFR). Packed here, in parallel on the scoring threads, the column is
 * stored as is ({@code STORAGE EXTERNAL}, migration V7).
 *
 * <p>Layout: one format byte ({@value #FORMAT}), the Smile document's length in bytes (4, big-endian), the LZ4
 * block. Unknown properties are ignored on reading, so signals stored by an older version stay readable when a
 * field is removed; a new field reads as its default until the account is measured again.
 */
final class SignalsCodec {
    static final byte FORMAT = 1;
    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private static final SmileMapper SMILE = SmileMapper.builder().build();

    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final ObjectReader textReader;

    SignalsCodec(JsonMapper json) {
        this.writer = SMILE.writerFor(AccountSignals.class);
        this.reader = SMILE.readerFor(AccountSignals.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.textReader =
                json.readerFor(AccountSignals.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    byte[] pack(AccountSignals signals) {
        byte[] raw = writer.writeValueAsBytes(signals);
        LZ4Compressor compressor = LZ4.fastCompressor();
        byte[] out = new byte[5 + compressor.maxCompressedLength(raw.length)];
        out[0] = FORMAT;
        ByteBuffer.wrap(out, 1, 4).putInt(raw.length);
        int written = compressor.compress(raw, 0, raw.length, out, 5, out.length - 5);
        return java.util.Arrays.copyOf(out, 5 + written);
    }

    AccountSignals unpack(byte[] packed) {
        if (packed.length < 5 || packed[0] != FORMAT) {
            throw new IllegalStateException("stored signals in an unknown format (first byte "
                    + (packed.length == 0 ? "missing" : Byte.toString(packed[0])) + ", expected " + FORMAT + ")");
        }
        int length = ByteBuffer.wrap(packed, 1, 4).getInt();
        byte[] raw = new byte[length];
        LZ4FastDecompressor decompressor = LZ4.fastDecompressor();
        decompressor.decompress(packed, 5, raw, 0, length);
        return reader.readValue(raw);
    }

    /** Signals stored as JSON text by versions before V7. */
    AccountSignals fromText(String text) {
        return textReader.readValue(text.getBytes(StandardCharsets.UTF_8));
    }
}
