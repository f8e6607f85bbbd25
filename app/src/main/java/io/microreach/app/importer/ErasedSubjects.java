package io.microreach.app.importer;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Post;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The creators erased on request, as digests (table {@code erased_subject}), and the check that keeps their data out
 * of every import (files, uploads and connector crawls all go through the importer). A record is refused when any
 * person it names is erased: an account or its posts, follower history and graph by the account's id or handle; a
 * comment by its author; a sampled follower by the follower; a follow edge by either end.
 */
public final class ErasedSubjects {
    private final Set<ByteBuffer> digests;

    private ErasedSubjects(Set<ByteBuffer> digests) {
        this.digests = digests;
    }

    /** The digest stored for a platform-qualified id ({@code kind} "id") or handle ("handle", any case). */
    public static byte[] digest(String platform, String kind, String value) {
        String v = kind.equals("handle") ? value.toLowerCase(Locale.ROOT) : value;
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((platform + '\u0000' + kind + '\u0000' + v).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static ErasedSubjects load(JdbcTemplate jdbc) {
        Set<ByteBuffer> all = new HashSet<>();
        jdbc.query("SELECT digest FROM erased_subject", rs -> {
            all.add(ByteBuffer.wrap(rs.getBytes(1)));
        });
        return new ErasedSubjects(all);
    }

    private boolean erased(String platform, String kind, String value) {
        return value != null && digests.contains(ByteBuffer.wrap(digest(platform, kind, value)));
    }

    /** The field naming an erased person in {@code record}, if any. */
    Optional<String> erasedField(DataRecord record) {
        if (digests.isEmpty()) {
            return Optional.empty();
        }
        String p = record.platform().id();
        List<String[]> names;
        if (record instanceof Account a) {
            names = List.of(new String[] {"id", "id", a.platformId()}, new String[] {"handle", "handle", a.handle()});
        } else if (record instanceof Post post) {
            names = List.<String[]>of(new String[] {"account_id", "id", post.accountPlatformId()});
        } else if (record instanceof Comment c) {
            names = List.of(
                    new String[] {"author_id", "id", c.authorPlatformId()},
                    new String[] {"author_handle", "handle", c.authorHandle()});
        } else if (record instanceof FollowerSample f) {
            names = List.of(
                    new String[] {"account_id", "id", f.accountPlatformId()},
                    new String[] {"follower_id", "id", f.followerPlatformId()},
                    new String[] {"handle", "handle", f.handle()});
        } else if (record instanceof FollowEdge e) {
            names = List.of(
                    new String[] {"account_id", "id", e.accountPlatformId()},
                    new String[] {"source_id", "id", e.sourceId()},
                    new String[] {"target_id", "id", e.targetId()});
        } else {
            names = List.<String[]>of(new String[] {"account_id", "id", ((FollowerCount) record).accountPlatformId()});
        }
        for (String[] n : names) {
            if (erased(p, n[1], n[2])) {
                return Optional.of(n[0]);
            }
        }
        return Optional.empty();
    }
}
