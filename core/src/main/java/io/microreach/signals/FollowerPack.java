package io.microreach.signals;

import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What scoring reads of one account's followers, as one byte string: the sampled followers in the form the signals
 * read them ({@link SampledFollower}), the follow edges among them and the daily follower counts. The application
 * stores it per account next to the rows it is made from, so that scoring reads one value per account instead of
 * about two hundred follower rows of a dozen columns, a hundred edge rows and ninety daily counts.
 *
 * <p>Why a format of our own and not Jackson Smile (used for the stored signals) or protobuf: the 100k benchmark pool
 * reads 22 million followers, 11 million edges and 10 million daily counts per full rescore; sent as rows they cost
 * PostgreSQL most of the 42 s of CPU its reads took, and as one value of a few kilobytes per account a small part of
 * it (the benchmark's read floor went from 28.7 s to about 10 s). The format only needs varints and length-prefixed UTF-8; Smile would add field names, a
 * generic object mapper on the hot path and a dependency of the core for a few dozen lines, protobuf a code
 * generator. Edge ends are stored as positions in the follower list, so decoding shares the follower's id string
 * instead of creating two strings per edge (whose hash codes the follow-graph statistics then computed again).
 *
 * <p>Layout (format {@value #FORMAT}), after one byte with the format number:
 *
 * <ol>
 *   <li>the follower count as a varint, then per follower in list order: a flag byte (bits 0–2: followers, following
 *       and posts count known; bit 3: profile-picture flag known, bit 4 its value; bit 5: private flag known, bit 6
 *       its value; bit 7: has a link), the known counts as zigzag varints, the bio length and display-name word count
 *       as varints, then the follower's platform id and handle, each as a varint byte length and UTF-8;
 *   <li>the edge count, then per edge its source and target, each as a varint: the position of the first follower
 *       with that id plus one, or 0 followed by the id as text (an edge to an account that is not in the sample);
 *   <li>the daily count entries, then per entry the day and the count, each as the zigzag varint of its difference
 *       from the previous entry's (the first from epoch day 0 and 0).
 * </ol>
 *
 * The platform and the account's platform id are the account's, so they are not stored.
 *
 * @param followers the sampled followers, in the order scoring reads them
 * @param edges the follow edges among them (both ends usually in {@code followers})
 * @param history the daily follower counts, in the order scoring reads them
 */
public record FollowerPack(List<SampledFollower> followers, List<FollowEdge> edges, List<FollowerCount> history) {
    /** The format written by {@link #encode}; {@link #decode} refuses any other. */
    public static final int FORMAT = 1;

    public FollowerPack {
        followers = List.copyOf(followers);
        edges = List.copyOf(edges);
        history = List.copyOf(history);
    }

    /** This pack as bytes. */
    public byte[] encode() {
        Writer out = new Writer(32 + followers.size() * 40 + edges.size() * 4 + history.size() * 4);
        out.u8(FORMAT);
        out.varint(followers.size());
        Map<String, Integer> positions = new HashMap<>(followers.size() * 2);
        for (int i = 0; i < followers.size(); i++) {
            SampledFollower f = followers.get(i);
            positions.putIfAbsent(f.followerPlatformId(), i);
            int flags = (f.followers() != null ? 1 : 0)
                    | (f.following() != null ? 1 << 1 : 0)
                    | (f.postsCount() != null ? 1 << 2 : 0)
                    | (f.hasProfilePic() != null ? 1 << 3 : 0)
                    | (Boolean.TRUE.equals(f.hasProfilePic()) ? 1 << 4 : 0)
                    | (f.privateAccount() != null ? 1 << 5 : 0)
                    | (Boolean.TRUE.equals(f.privateAccount()) ? 1 << 6 : 0)
                    | (f.hasExternalUrl() ? 1 << 7 : 0);
            out.u8(flags);
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
        out.varint(edges.size());
        for (FollowEdge e : edges) {
            out.end(positions, e.sourceId());
            out.end(positions, e.targetId());
        }
        out.varint(history.size());
        long day = 0;
        long count = 0;
        for (FollowerCount h : history) {
            out.zigzag(h.date().toEpochDay() - day);
            out.zigzag(h.followers() - count);
            day = h.date().toEpochDay();
            count = h.followers();
        }
        return Arrays.copyOf(out.bytes, out.size);
    }

    /**
     * The pack of an account on {@code platform} whose platform id is {@code accountPlatformId}.
     *
     * @throws IllegalArgumentException when the bytes are not a pack of format {@value #FORMAT}, naming the byte
     *     offset where they stop making sense
     */
    public static FollowerPack decode(Platform platform, String accountPlatformId, byte[] pack) {
        Reader in = new Reader(pack);
        int format = in.u8();
        if (format != FORMAT) {
            throw new IllegalArgumentException("follower pack: format " + format + " at byte 0, expected " + FORMAT);
        }
        int count = in.count();
        List<SampledFollower> followers = new ArrayList<>(Math.min(count, pack.length));
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
        int edgeCount = in.count();
        List<FollowEdge> edges = new ArrayList<>(Math.min(edgeCount, pack.length));
        for (int i = 0; i < edgeCount; i++) {
            edges.add(new FollowEdge(platform, accountPlatformId, in.end(followers), in.end(followers)));
        }
        int days = in.count();
        List<FollowerCount> history = new ArrayList<>(Math.min(days, pack.length));
        long day = 0;
        long followerCount = 0;
        for (int i = 0; i < days; i++) {
            day += in.zigzag();
            followerCount += in.zigzag();
            history.add(new FollowerCount(platform, accountPlatformId, LocalDate.ofEpochDay(day), followerCount));
        }
        if (in.position != pack.length) {
            throw new IllegalArgumentException("follower pack: " + (pack.length - in.position)
                    + " bytes left over after " + count + " followers, " + edgeCount + " edges and " + days
                    + " days, at byte " + in.position);
        }
        return new FollowerPack(followers, edges, history);
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

        void u8(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        /** An edge end: its follower's position plus one, or 0 and the id when no follower has it. */
        void end(Map<String, Integer> positions, String id) {
            Integer position = positions.get(id);
            if (position != null) {
                varint(position + 1L);
            } else {
                varint(0);
                text(id);
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

        String end(List<SampledFollower> followers) {
            int start = position;
            int ref = count();
            if (ref == 0) {
                return text();
            }
            if (ref > followers.size()) {
                throw new IllegalArgumentException(
                        "follower pack: edge end " + ref + " of " + followers.size() + " followers at byte " + start);
            }
            return followers.get(ref - 1).followerPlatformId();
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
