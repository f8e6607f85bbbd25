package io.microreach.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.SampledFollower;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The packed copy of each account's followers (sampled followers, follow edges, daily counts; migration V9) against
 * the rows it is a cache of: every kind of write to the rows makes the pack stale, the loader then reads the rows and stores a fresh pack, and a pack built from rows
 * that a concurrent writer changed is never stored.
 */
class StoredFollowerPacksTest extends SpringAppTest {
    @Autowired
    Importer importer;

    @Autowired
    ActivityLoader loader;

    @TempDir
    Path dir;

    private List<Long> ids;
    private long account;
    private long other;

    @BeforeEach
    void importCreators() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(4, 11)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        ids = jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
        List<Long> withFollowers = jdbc.queryForList(
                "SELECT account_id FROM follower_sample GROUP BY account_id ORDER BY account_id", Long.class);
        assertThat(withFollowers).hasSizeGreaterThanOrEqualTo(2);
        account = withFollowers.get(0);
        other = withFollowers.get(1);
    }

    private Map<String, Object> pack(long accountId) {
        return jdbc.queryForMap(
                "SELECT version, data IS NULL AS stale FROM follower_pack WHERE account_id = ?", accountId);
    }

    private List<SampledFollower> followers(long accountId) {
        return loader.load(List.of(accountId)).get(accountId).followers();
    }

    private int rows(long accountId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM follower_sample WHERE account_id = ?", Integer.class, accountId);
    }

    @Test
    void packStaleFollowersPacksEveryStaleAccountOnce() {
        int accountsWithFollowers = jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT account_id FROM follower_sample UNION SELECT account_id FROM follow_edge"
                        + " UNION SELECT account_id FROM follower_count) a",
                Integer.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follower_pack WHERE data IS NULL", Integer.class))
                .isEqualTo(accountsWithFollowers);
        Map<Long, AccountActivity> fromRows = loader.load(ids);
        jdbc.update("UPDATE follower_pack SET data = NULL, version = version + 1");

        assertThat(loader.packStaleFollowers()).isEqualTo(accountsWithFollowers);
        assertThat(loader.packStaleFollowers()).isZero();
        assertThat(loader.load(ids)).isEqualTo(fromRows);
    }

    @Test
    void everyWriteToTheRowsMakesThePackStaleAndTheNextLoadSeesIt() {
        followers(account);
        followers(other);
        long version = (Long) pack(account).get("version");
        assertThat(pack(account).get("stale")).isEqualTo(false);

        jdbc.update(
                "UPDATE follower_sample SET bio = 'a new bio' WHERE id = (SELECT min(id) FROM follower_sample"
                        + " WHERE account_id = ?)",
                account);
        assertThat(pack(account)).containsEntry("stale", true);
        assertThat((Long) pack(account).get("version")).isGreaterThan(version);
        assertThat(pack(other)).as("another account's pack").containsEntry("stale", false);
        assertThat(followers(account).get(0).bioLength()).isEqualTo(9);
        assertThat(pack(account)).containsEntry("stale", false);
        assertThat(followers(account).get(0).bioLength())
                .as("read back from the new pack")
                .isEqualTo(9);

        int before = rows(account);
        jdbc.update(
                "DELETE FROM follower_sample WHERE id = (SELECT max(id) FROM follower_sample WHERE account_id = ?)",
                account);
        assertThat(pack(account)).containsEntry("stale", true);
        assertThat(followers(account)).hasSize(before - 1);

        jdbc.update(
                "INSERT INTO follower_sample (platform, account_platform_id, account_id, follower_platform_id,"
                        + " handle) SELECT platform, platform_id, id, 'newcomer', 'new_fan' FROM account WHERE id = ?",
                account);
        assertThat(pack(account)).containsEntry("stale", true);
        assertThat(followers(account))
                .hasSize(before)
                .last()
                .extracting(SampledFollower::handle)
                .isEqualTo("new_fan");

        jdbc.execute("TRUNCATE follower_sample CASCADE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follower_pack WHERE data IS NOT NULL", Integer.class))
                .isZero();
        assertThat(followers(account)).isEmpty();
        assertThat(loader.load(List.of(account)).get(account).history())
                .as("kept: its table was not emptied")
                .hasSize(jdbc.queryForObject(
                        "SELECT count(*) FROM follower_count WHERE account_id = ?", Integer.class, account));
    }

    @Test
    void writesToEdgesAndDailyCountsMakeThePackStaleToo() {
        AccountActivity before = loader.load(List.of(account, other)).get(account);
        assertThat(before.edges()).isNotEmpty();
        assertThat(before.history()).isNotEmpty();

        jdbc.update(
                "DELETE FROM follow_edge WHERE ctid = (SELECT min(ctid) FROM follow_edge WHERE account_id = ?)",
                account);
        assertThat(pack(account)).containsEntry("stale", true);
        assertThat(pack(other)).containsEntry("stale", false);
        assertThat(loader.load(List.of(account)).get(account).edges())
                .hasSize(before.edges().size() - 1);

        jdbc.update(
                "UPDATE follower_count SET followers = followers + 1000 WHERE account_id = ?"
                        + " AND day = (SELECT max(day) FROM follower_count WHERE account_id = ?)",
                account,
                account);
        assertThat(pack(account)).containsEntry("stale", true);
        AccountActivity after = loader.load(List.of(account)).get(account);
        assertThat(after.history().get(after.history().size() - 1).followers())
                .isEqualTo(before.history().get(before.history().size() - 1).followers() + 1000);
        assertThat(loader.load(List.of(account)).get(account))
                .as("read back from the new pack")
                .isEqualTo(after);

        jdbc.update(
                "INSERT INTO follower_count (platform, account_platform_id, account_id, day, followers)"
                        + " SELECT platform, platform_id, id, date '2000-01-01', 5 FROM account WHERE id = ?",
                account);
        assertThat(pack(account)).containsEntry("stale", true);
        assertThat(loader.load(List.of(account)).get(account).history().get(0).followers())
                .isEqualTo(5);

        jdbc.execute("TRUNCATE follow_edge");
        assertThat(pack(account)).containsEntry("stale", true);
        assertThat(pack(other)).containsEntry("stale", true);
        assertThat(loader.load(List.of(account)).get(account).edges()).isEmpty();
    }

    @Test
    void anUnreadablePackIsReadFromTheRowsAndReplaced() {
        AccountActivity fromRows = loader.load(List.of(account)).get(account);
        long version = (Long) pack(account).get("version");
        jdbc.update("UPDATE follower_pack SET data = '\\x02ffff'::bytea WHERE account_id = ?", account);

        assertThat(loader.load(List.of(account)).get(account)).isEqualTo(fromRows);
        byte[] replaced =
                jdbc.queryForObject("SELECT data FROM follower_pack WHERE account_id = ?", byte[].class, account);
        assertThat(replaced[0]).isEqualTo((byte) 1);
        assertThat(pack(account)).containsEntry("version", version);
        assertThat(loader.load(List.of(account)).get(account)).isEqualTo(fromRows);
    }

    @Test
    void followersLinkedToTheirAccountLaterMakeItsPackStale() {
        followers(account);
        int before = rows(account);
        // A follower stored before its account (an import in the other order), linked afterwards.
        jdbc.update(
                "INSERT INTO follower_sample (platform, account_platform_id, follower_platform_id, handle)"
                        + " SELECT platform, platform_id, 'early', 'early_fan' FROM account WHERE id = ?",
                account);
        assertThat(pack(account)).containsEntry("stale", false);
        jdbc.update("UPDATE follower_sample SET account_id = ? WHERE follower_platform_id = 'early'", account);
        assertThat(pack(account)).containsEntry("stale", true);
        assertThat(followers(account)).hasSize(before + 1);
    }

    /**
     * A writer changes a follower and has not committed; the loader reads the rows as they were, and its
     * compare-and-set waits for the writer's lock on the pack row. Once the writer commits, the version the loader
     * read is gone, so its pack (built from the old rows) is not stored, and the next load reads the new rows.
     */
    @Test
    void aPackBuiltFromRowsThatAConcurrentWriterChangedIsNotStored() throws Exception {
        int oldBio = followers(account).get(0).bioLength();
        jdbc.update("UPDATE follower_pack SET data = NULL, version = version + 1 WHERE account_id = ?", account);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection writer = jdbc.getDataSource().getConnection()) {
            writer.setAutoCommit(false);
            try (var st = writer.createStatement()) {
                st.executeUpdate("UPDATE follower_sample SET bio = 'changed while the loader reads'"
                        + " WHERE id = (SELECT min(id) FROM follower_sample WHERE account_id = " + account + ")");
            }
            Future<Map<Long, AccountActivity>> load = executor.submit(() -> loader.load(List.of(account)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (jdbc.queryForObject(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query LIKE 'UPDATE follower_pack SET data%'",
                            Integer.class)
                    == 0) {
                assertThat(System.nanoTime())
                        .as("the loader waits for the writer's lock")
                        .isLessThan(deadline);
                assertThat(load.isDone())
                        .as("the loader must not finish before the writer commits")
                        .isFalse();
                Thread.sleep(20);
            }
            writer.commit();
            assertThat(load.get(30, TimeUnit.SECONDS)
                            .get(account)
                            .followers()
                            .get(0)
                            .bioLength())
                    .as("read before the writer committed")
                    .isEqualTo(oldBio);
        } finally {
            executor.shutdownNow();
        }
        assertThat(pack(account)).containsEntry("stale", true);
        assertThat(followers(account).get(0).bioLength()).isEqualTo(30);
        assertThat(pack(account)).containsEntry("stale", false);
    }
}
