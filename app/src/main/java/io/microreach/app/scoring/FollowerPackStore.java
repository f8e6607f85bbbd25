package io.microreach.app.scoring;

import static io.microreach.app.database.SqlColumns.platform;

import io.microreach.domain.Account;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import io.microreach.signals.FollowerPack;
import io.microreach.signals.SampledFollower;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each account's followers as one pack ({@code follower_pack}): read for a chunk, rebuilt from the rows when stale,
 * and written back compare-and-set on the pack's version.
 */
final class FollowerPackStore {
    private static final Logger LOG = LoggerFactory.getLogger(FollowerPackStore.class);

    private final ChunkReads reads;

    FollowerPackStore(ChunkReads reads) {
        this.reads = reads;
    }

    private record SampledRow(long id, SampledFollower sample) {}

    /** What the rows of a pack need from their account. */
    private record Owner(Platform platform, String platformId) {}

    /**
     * The chunk's followers (sampled followers, the edges among them, daily counts), from each account's pack
     * ({@code follower_pack}, migration V9): one value per account instead of about two hundred follower rows of a
     * dozen columns, a hundred edges and ninety daily counts: PostgreSQL's cost is in formatting and sending each
     * value, so on the 100k benchmark pool the loader alone went from 46.3 s to about 19.5 s (ScoringBenchmark,
     * docs/scoring-performance.md). A stale pack (its rows changed since it was built: {@code data} is NULL) is read from the rows
     * instead, and packed and stored for the next read, compare-and-set on its version (V9 says why that never
     * stores a stale pack). An account without a pack row has no followers, edges or daily counts.
     */
    Map<Long, FollowerPack> read(Long[] ids, Map<Long, Account> accounts) {
        Map<Long, FollowerPack> packs = new HashMap<>();
        Map<Long, Owner> stale = new LinkedHashMap<>();
        Map<Long, Long> staleVersions = new HashMap<>();
        reads.copy(
                "SELECT p.account_id, p.version, p.data FROM unnest(?) AS a(id) CROSS JOIN LATERAL"
                        + " (SELECT * FROM follower_pack WHERE account_id = a.id OFFSET 0) p",
                ids,
                row -> {
                    long accountId = row.longValue();
                    long version = row.longValue();
                    byte[] data = row.bytes();
                    Account account = accounts.get(accountId);
                    if (account == null) {
                        return; // removed since the chunk's accounts were read
                    }
                    FollowerPack pack = data == null ? null : decode(accountId, account, data);
                    if (pack == null) {
                        stale.put(accountId, new Owner(account.platform(), account.platformId()));
                        staleVersions.put(accountId, version);
                    } else {
                        packs.put(accountId, pack);
                    }
                });
        if (!stale.isEmpty()) {
            Map<Long, FollowerPack> fromRows = fromRows(stale);
            packs.putAll(fromRows);
            storePacks(fromRows, staleVersions);
        }
        return packs;
    }

    /**
     * A stored pack, or {@code null} when it cannot be read (damaged, or written in a format this version does not
     * read): then it is treated as stale, rebuilt from the rows and replaced, since the rows are the record.
     */
    private static FollowerPack decode(long accountId, Account account, byte[] data) {
        try {
            return FollowerPack.decode(account.platform(), account.platformId(), data);
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "follower pack of account {} unreadable ({}); reading its rows instead", accountId, e.getMessage());
            return null;
        }
    }

    /**
     * Packs and stores the followers of every account whose pack is stale (after an import, a connector's writes or
     * a bulk copy); returns how many packs were stored. Scoring does the same for the accounts it reads, so this is
     * only needed to have the packs ready before a timed full rescore.
     */
    int packStale() {
        int stored = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            Map<Long, Owner> owners = new LinkedHashMap<>();
            Map<Long, Long> versions = new HashMap<>();
            reads.jdbc()
                    .query(
                            "SELECT p.account_id, p.version, a.platform, a.platform_id FROM follower_pack p"
                                    + " JOIN account a ON a.id = p.account_id WHERE p.data IS NULL"
                                    + " AND p.account_id > ? ORDER BY p.account_id LIMIT " + Scorer.CHUNK,
                            rs -> {
                                owners.put(rs.getLong(1), new Owner(platform(rs, 3), rs.getString(4)));
                                versions.put(rs.getLong(1), rs.getLong(2));
                            },
                            after);
            if (owners.isEmpty()) {
                return stored;
            }
            stored += storePacks(fromRows(owners), versions);
            for (long id : owners.keySet()) {
                after = Math.max(after, id);
            }
        }
    }

    /**
     * Stores each account's pack where its version is still the one read before the rows; returns how many were
     * stored (a concurrent writer bumped the others, which stay stale).
     */
    private int storePacks(Map<Long, FollowerPack> packs, Map<Long, Long> versions) {
        List<Object[]> updates = new ArrayList<>(packs.size());
        // In account order, as the triggers lock pack rows, so that a concurrent import cannot deadlock with this.
        new TreeMap<>(packs).forEach((id, pack) -> updates.add(new Object[] {pack.encode(), id, versions.get(id)}));
        int stored = 0;
        for (int n : reads.jdbc()
                .batchUpdate("UPDATE follower_pack SET data = ? WHERE account_id = ? AND version = ?", updates)) {
            stored += n > 0 || n == Statement.SUCCESS_NO_INFO ? 1 : 0;
        }
        return stored;
    }

    /**
     * The packs of the given accounts made from their rows; every account asked for gets one, empty when it has no
     * rows. Sampled followers come in row-id order, each reduced as it arrives (the bio and display name are
     * decoded, measured and dropped here, the link is only asked for whether there is one, and the verified flag
     * and sampling time, which no signal reads, are not loaded; SampledFollower says why); sorted by id here, per
     * account, not by PostgreSQL: ~100,000 wide rows per chunk spilled its sort to disk.
     */
    private Map<Long, FollowerPack> fromRows(Map<Long, Owner> owners) {
        Long[] ids = owners.keySet().toArray(Long[]::new);
        ByAccount<Owner, SampledRow> sampled = new ByAccount<>(owners);
        reads.copy(
                "SELECT f.account_id, f.id, f.follower_platform_id, f.handle, f.full_name, f.bio, f.followers,"
                        + " f.following, f.posts_count, f.has_profile_pic, f.is_private, f.external_url IS NOT NULL"
                        + " FROM unnest(?) AS a(id) CROSS JOIN LATERAL"
                        + " (SELECT * FROM follower_sample WHERE account_id = a.id OFFSET 0) f",
                ids,
                row -> {
                    Owner owner = sampled.at(row.longValue());
                    long id = row.longValue();
                    sampled.add(new SampledRow(
                            id,
                            SampledFollower.of(
                                    owner.platform(),
                                    row.text(),
                                    row.text(),
                                    row.text(),
                                    row.text(),
                                    row.nullableLong(),
                                    row.nullableLong(),
                                    row.nullableLong(),
                                    row.bool(),
                                    row.bool(),
                                    Boolean.TRUE.equals(row.bool()))));
                });
        ByAccount<Owner, FollowEdge> edges = new ByAccount<>(owners);
        reads.copy(
                "SELECT e.account_id, e.source_id, e.target_id FROM unnest(?) AS a(id) CROSS JOIN LATERAL"
                        + " (SELECT * FROM follow_edge WHERE account_id = a.id OFFSET 0) e",
                ids,
                row -> {
                    Owner owner = edges.at(row.longValue());
                    edges.add(new FollowEdge(owner.platform(), owner.platformId(), row.text(), row.text()));
                });
        ByAccount<Owner, FollowerCount> history = new ByAccount<>(owners);
        reads.copy(
                "SELECT h.account_id, h.day, h.followers FROM unnest(?) AS a(id) CROSS JOIN LATERAL"
                        + " (SELECT * FROM follower_count WHERE account_id = a.id ORDER BY day OFFSET 0) h",
                ids,
                row -> {
                    Owner owner = history.at(row.longValue());
                    history.add(new FollowerCount(owner.platform(), owner.platformId(), row.date(), row.longValue()));
                });
        Map<Long, FollowerPack> packs = new HashMap<>();
        for (Long id : ids) {
            packs.put(id, new FollowerPack(byId(sampled.of(id)), edges.of(id), history.of(id)));
        }
        return packs;
    }

    /** The samples in id order; they mostly arrive in it (an import writes them so), then nothing is sorted. */
    private static List<SampledFollower> byId(List<SampledRow> rows) {
        boolean sorted = true;
        boolean smallIds = true;
        for (int i = 0; i < rows.size(); i++) {
            long id = rows.get(i).id();
            sorted &= i == 0 || rows.get(i - 1).id() <= id;
            smallIds &= id >= 0 && id < 1L << 47;
        }
        List<SampledFollower> samples = new ArrayList<>(rows.size());
        if (sorted) {
            for (SampledRow r : rows) {
                samples.add(r.sample());
            }
            return samples;
        }
        // A primitive sort of (id, position) keys instead of a comparator over the rows: ties keep their order, as a
        // stable sort by id would, and a sample is a few hundred rows, so the position fits in the low 16 bits
        // unless the ids are very large, which falls back to the comparator.
        if (rows.size() <= 1 << 16 && smallIds) {
            long[] keys = new long[rows.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = rows.get(i).id() << 16 | i;
            }
            Arrays.sort(keys);
            for (long key : keys) {
                samples.add(rows.get((int) (key & 0xffff)).sample());
            }
            return samples;
        }
        List<SampledRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingLong(SampledRow::id));
        for (SampledRow r : ordered) {
            samples.add(r.sample());
        }
        return samples;
    }
}
