package io.microreach.signals;

import io.microreach.domain.Platform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One account's sampled followers as one byte string, in the form the signals read them ({@link SampledFollower}):
 * what the application stores per account next to the follower rows, so that scoring reads one value per account
 * instead of two hundred rows of a dozen columns.
 *
 * <p>Why a format of our own and not Jackson Smile (used for the stored signals) or protobuf: the 100k benchmark pool
 * reads 22 million followers per full rescore, and PostgreSQL spent about 21 s of CPU formatting and sending their
 * rows (3.4 GB) against about 1.3 s for one value of a few kilobytes per account. The format only needs varints and
 * length-prefixed UTF-8; Smile would add field names, a generic object mapper on the hot path and a dependency of
 * the core for twenty lines of code, and protobuf a code generator.
 *
 * <p>Layout (format {@value #FORMAT}): one byte with the format number, the follower count as a varint, then per
 * follower in list order: a flag byte (bits 0–2: followers, following and posts count known; bit 3: profile-picture
 * flag known, bit 4 its value; bit 5: private flag known, bit 6 its value; bit 7: has a link), the known counts as
 * zigzag varints, the bio length and display-name word count as varints, then the follower's platform id and handle
 * as varint byte lengths followed by UTF-8. The platform is the account's, so it is not stored.
 */
public final class SampledFollowerPack {
    /** The format written by {@link #encode}; {@link #decode} refuses any other. */
    public static final int FORMAT = 1;

    private SampledFollowerPack() {}

    /** The followers, in order, as a pack. */
    public static byte[] encode(List<SampledFollower> followers) {
        Writer out = new Writer(16 + followers.size() * 40);
        out.bytes[out.size++] = (byte) FORMAT;
        out.varint(followers.size());
        for (SampledFollower f : followers) {
            int flags = (f.followers() != null ? 1 : 0)
                    | (f.following() != null ? 1 << 1 : 0)
                    | (f.postsCount() != null ? 1 << 2 : 0)
                    | (f.hasProfilePic() != null ? 1 << 3 : 0)
                    | (Boolean.TRUE.equals(f.hasProfilePic()) ? 1 << 4 : 0)
                    | (f.privateAccount() != null ? 1 << 5 : 0)
                    | (Boolean.TRUE.equals(f.privateAccount()) ? 1 << 6 : 0)
                    | (f.hasExternalUrl() ? 1 << 7 : 0);
            out.ensure(1);
            out.bytes[out.size++] = (byte) flags;
            if (f.followers() != null) {
                out.zigzag(f.followers());
            }
            if (f.following() != null) {
                out.zigzag(f.following());
            }
            if (f.postsCount() != null) {
                out.zigzag(f.postsCount());
            }
            out.varint(f.bioLength());
            out.varint(f.fullNameWords());
            out.text(f.followerPlatformId());
            out.text(f.handle());
        }
        return Arrays.copyOf(out.bytes, out.size);
    }

    /**
     * The followers of a pack, in the order they were encoded, on the account's {@code platform}.
     *
     * @throws IllegalArgumentException when the bytes are not a pack of format {@value #FORMAT}, naming the byte
     *     offset where they stop making sense
     */
    public static List<SampledFollower> decode(Platform platform, byte[] pack) {
        Reader in = new Reader(pack);
        int format = in.u8();
        if (format != FORMAT) {
            throw new IllegalArgumentException("follower pack: format " + format + " at byte 0, expected " + FORMAT);
        }
        int count = in.count();
        List<SampledFollower> followers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flags = in.u8();
            Long followerCount = (flags & 1) != 0 ? in.zigzag() : null;
            Long following = (flags & 1 << 1) != 0 ? in.zigzag() : null;
            Long posts = (flags & 1 << 2) != 0 ? in.zigzag() : null;
            Boolean pic = (flags & 1 << 3) != 0 ? (flags & 1 << 4) != 0 : null;
            Boolean priv = (flags & 1 << 5) != 0 ? (flags & 1 << 6) != 0 : null;
            int bioLength = in.count();
            int words = in.count();
            followers.add(new SampledFollower(
                    platform,
                    in.text(),
                    in.text(),
                    followerCount,
                    following,
                    posts,
                    pic,
                    priv,
                    (flags & 1 << 7) != 0,
                    bioLength,
                    words));
        }
        if (in.position != pack.length) {
            throw new IllegalArgumentException("follower pack: " + (pack.length - in.position)
                    + " bytes left over after " + count + " followers, at byte " + in.position);
        }
        return followers;
    }

    private static final class Writer {
        byte[] bytes;
        int size;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void varint(long value) {
            ensure(10);
            long v = value;
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void zigzag(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        void text(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int u8() {
            if (position >= bytes.length) {
                throw truncated();
            }
            return bytes[position++] & 0xFF;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("follower pack: varint longer than 10 bytes at byte " + position);
        }

        /** A varint that must be a non-negative int (a count or a length). */
        int count() {
            int start = position;
            long v = varint();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("follower pack: length " + v + " out of range at byte " + start);
            }
            return (int) v;
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        String text() {
            int length = count();
            if (length > bytes.length - position) {
                throw truncated();
            }
            String s = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }

        private IllegalArgumentException truncated() {
            return new IllegalArgumentException("follower pack: truncated at byte " + position + " of " + bytes.length);
        }
    }
}
