package io.microreach.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.app.SpringAppTest;
import io.microreach.domain.RecordType;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class ImporterTest extends SpringAppTest {
    private static final String ACCOUNT =
            "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"1784\",\"handle\":\"greenglow.lena\","
                    + "\"followers\":12400,\"following\":610,\"posts_count\":321,\"country\":\"de\","
                    + "\"language\":\"DE\",\"bio\":\"Naturkosmetik\",\"creator\":\"lena\"}";
    private static final String POST =
            "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"C1\",\"account_id\":\"1784\","
                    + "\"published_at\":\"2026-03-01T18:30:00Z\",\"format\":\"reel\",\"caption\":\"3 tips #CleanBeauty @brand\","
                    + "\"likes\":820,\"comments\":41,\"views\":15300}";
    private static final String COMMENT =
            "{\"type\":\"comment\",\"platform\":\"instagram\",\"id\":\"c1\",\"post_id\":\"C1\","
                    + "\"author_handle\":\"mia\",\"text\":\"Which oil?\",\"created_at\":\"2026-03-01T19:02:00Z\"}";
    private static final String REPLY =
            "{\"type\":\"comment\",\"platform\":\"instagram\",\"id\":\"c2\",\"post_id\":\"C1\","
                    + "\"author_id\":\"1784\",\"author_handle\":\"greenglow.lena\",\"text\":\"Jojoba!\","
                    + "\"created_at\":\"2026-03-01T19:40:00Z\",\"parent_id\":\"c1\"}";
    private static final String SAMPLE =
            "{\"type\":\"follower_sample\",\"platform\":\"instagram\",\"account_id\":\"1784\","
                    + "\"follower_id\":\"f1\",\"handle\":\"mia\",\"followers\":300,\"following\":400,\"has_profile_pic\":true}";
    private static final String SAMPLE2 =
            "{\"type\":\"follower_sample\",\"platform\":\"instagram\",\"account_id\":\"1784\","
                    + "\"follower_id\":\"f2\",\"handle\":\"bot1\",\"followers\":2,\"following\":7000,\"has_profile_pic\":false}";
    private static final String EDGE = "{\"type\":\"follow_edge\",\"platform\":\"instagram\",\"account_id\":\"1784\","
            + "\"source_id\":\"f1\",\"target_id\":\"f2\"}";
    private static final String COUNT =
            "{\"type\":\"follower_count\",\"platform\":\"instagram\",\"account_id\":\"1784\","
                    + "\"date\":\"2026-03-01\",\"followers\":12300}";

    @Autowired
    Importer importer;

    @TempDir
    Path dir;

    @BeforeEach
    void empty() {
        emptyPublicTables();
    }

    @Test
    void storesEveryRecordTypeWithItsFields() throws Exception {
        ImportReport report = importLines("all.jsonl", ACCOUNT, POST, COMMENT, REPLY, SAMPLE, SAMPLE2, EDGE, COUNT);

        assertThat(report.rejected()).isZero();
        assertThat(stored(report))
                .containsEntry(RecordType.ACCOUNT, 1L)
                .containsEntry(RecordType.POST, 1L)
                .containsEntry(RecordType.COMMENT, 2L)
                .containsEntry(RecordType.FOLLOWER_SAMPLE, 2L)
                .containsEntry(RecordType.FOLLOW_EDGE, 1L)
                .containsEntry(RecordType.FOLLOWER_COUNT, 1L);
        Map<String, Object> account = jdbc.queryForMap(
                "SELECT a.handle, a.followers, a.following, a.posts_count, a.country, a.language, a.bio, c.creator_key"
                        + " FROM account a JOIN creator c ON c.id = a.creator_id");
        assertThat(account)
                .containsEntry("handle", "greenglow.lena")
                .containsEntry("followers", 12400L)
                .containsEntry("following", 610L)
                .containsEntry("posts_count", 321L)
                .containsEntry("country", "DE")
                .containsEntry("language", "de")
                .containsEntry("creator_key", "lena");
        Map<String, Object> post = jdbc.queryForMap(
                "SELECT array_to_string(hashtags, ',') tags, array_to_string(mentions, ',') mentions, likes, comments,"
                        + " shares, views, account_id IS NOT NULL linked FROM post");
        assertThat(post)
                .containsEntry("tags", "cleanbeauty")
                .containsEntry("mentions", "brand")
                .containsEntry("likes", 820L)
                .containsEntry("shares", null)
                .containsEntry("views", 15300L)
                .containsEntry("linked", true);
        assertThat(jdbc.queryForObject(
                        "SELECT p.platform_id FROM comment r JOIN comment p ON p.id = r.parent_id WHERE r.platform_id = 'c2'",
                        String.class))
                .isEqualTo("c1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follow_edge WHERE account_id IS NOT NULL", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        Path file = write("same.jsonl", ACCOUNT, POST, COMMENT, REPLY, SAMPLE, SAMPLE2, EDGE, COUNT);
        importer.importFile(file, ImportProgress.NONE);
        String before = snapshot();

        ImportReport again = importer.importFile(file, ImportProgress.NONE);

        assertThat(again.stored()).isZero();
        assertThat(again.unchanged()).isEqualTo(8);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void changedContentUpdatesTheStoredRowInsteadOfDuplicatingIt() throws Exception {
        importLines("v1.jsonl", ACCOUNT);
        ImportReport report = importLines("v2.jsonl", ACCOUNT.replace("12400", "13000"));

        assertThat(report.stored()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT followers FROM account", Long.class))
                .isEqualTo(13000L);
    }

    @Test
    void rowsArrivingBeforeTheirParentAreKeptAndLinkedLater() throws Exception {
        ImportReport first = importLines("children.jsonl", REPLY, COMMENT, POST, SAMPLE, EDGE, COUNT);
        assertThat(first.rejected()).isZero();
        assertThat(first.waitingForParent()).isEqualTo(4); // post, sample, edge, count wait for the account
        assertThat(jdbc.queryForObject("SELECT count(*) FROM post WHERE account_id IS NULL", Long.class))
                .isEqualTo(1L);

        ImportReport second = importLines("parent.jsonl", ACCOUNT);

        assertThat(second.waitingForParent()).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM post p JOIN account a ON a.id = p.account_id WHERE a.platform_id = '1784'",
                        Long.class))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM comment WHERE parent_platform_id IS NOT NULL AND parent_id IS NULL",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follower_count WHERE account_id IS NULL", Long.class))
                .isZero();
    }

    @Test
    void badLinesAreReportedWithLineFieldAndReasonWhileGoodLinesAreStored() throws Exception {
        ImportReport report = importLines(
                "mixed.jsonl",
                ACCOUNT,
                "{\"type\":\"account\",\"platform\":\"myspace\",\"id\":\"1\",\"handle\":\"x\",\"followers\":1}",
                "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"2\",\"handle\":\"x\",\"followers\":-5}",
                "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"3\",\"handle\":\"x\",\"followers\":\"many\"}",
                "{not json",
                "{\"type\":\"tweet\"}",
                POST);

        assertThat(report.stored()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.unreadableLines()).isEqualTo(2);
        assertThat(report.firstRejections())
                .extracting(r -> r.line() + ":" + r.field())
                .containsExactly("2:platform", "3:followers", "4:followers", "5:-", "6:type");
        assertThat(report.rejectionFile()).isEqualTo(dir.resolve("mixed.jsonl.rejected.csv"));
        List<String> csv = Files.readAllLines(report.rejectionFile());
        assertThat(csv).hasSize(6);
        assertThat(csv.get(0)).isEqualTo("file,line,field,reason");
        assertThat(csv.get(2)).contains(",3,followers,").contains("must not be negative");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void aCleanReimportRemovesTheStaleRejectionReport() throws Exception {
        Path file = write("fixed.jsonl", ACCOUNT, "{oops");
        importer.importFile(file, ImportProgress.NONE);
        assertThat(dir.resolve("fixed.jsonl.rejected.csv")).exists();
        Files.writeString(file, ACCOUNT + "\n");

        ImportReport report = importer.importFile(file, ImportProgress.NONE);

        assertThat(report.rejectionFile()).isNull();
        assertThat(dir.resolve("fixed.jsonl.rejected.csv")).doesNotExist();
    }

    @Test
    void duplicateKeysInOneBatchKeepTheLastLine() throws Exception {
        ImportReport report = importLines("dup.jsonl", ACCOUNT, ACCOUNT.replace("12400", "99"));

        assertThat(report.rejected()).isZero();
        assertThat(jdbc.queryForObject("SELECT followers FROM account", Long.class))
                .isEqualTo(99L);
    }

    @Test
    void importsTheCsvFormats() throws Exception {
        Path accounts = dir.resolve("accounts.csv");
        Files.writeString(
                accounts,
                "platform,id,handle,followers,verified,bio\n"
                        + "tiktok,t1,fit.anna,8000,yes,\"Coach, runner\nand mum\"\n"
                        + "tiktok,t2,bad,-1,no,\n");
        Path posts = dir.resolve("posts.csv");
        Files.writeString(
                posts,
                "id,platform,account_id,published_at,format,likes,views,hashtags\n"
                        + "v1,tiktok,t1,2026-01-02T10:00:00Z,short,100,5000,#fit|#run\n");

        ImportReport a = importer.importFile(accounts, ImportProgress.NONE);
        ImportReport p = importer.importFile(posts, ImportProgress.NONE);

        assertThat(a.stored()).isEqualTo(1);
        assertThat(a.firstRejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.field()).isEqualTo("followers");
        });
        assertThat(p.stored()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT bio FROM account WHERE handle = 'fit.anna'", String.class))
                .isEqualTo("Coach, runner\nand mum");
        assertThat(jdbc.queryForObject("SELECT array_to_string(hashtags, ' ') FROM post", String.class))
                .isEqualTo("fit run");
    }

    @Test
    void quotesCommasBackslashesAndMarkupSurviveTheCopyPath() throws Exception {
        String tricky =
                "{\"type\":\"account\",\"platform\":\"bluesky\",\"id\":\"did:plc:x\",\"handle\":\"q\",\"followers\":1,"
                        + "\"bio\":\"a \\\"quote\\\", a comma, a \\\\ backslash, a tab\\t and <script>\"}";
        String post = "{\"type\":\"post\",\"platform\":\"bluesky\",\"id\":\"p\",\"account_id\":\"did:plc:x\","
                + "\"published_at\":\"2026-01-01T00:00:00+01:00\",\"format\":\"text\","
                + "\"hashtags\":[\"a\\\"b\",\"c,d\",\"e\\\\f\",\"{g}\"]}";

        ImportReport report = importLines("tricky.jsonl", tricky, post);

        assertThat(report.rejected()).isZero();
        assertThat(jdbc.queryForObject("SELECT bio FROM account", String.class))
                .isEqualTo("a \"quote\", a comma, a \\ backslash, a tab\t and <script>");
        assertThat(jdbc.queryForList("SELECT unnest(hashtags) FROM post", String.class))
                .containsExactly("a\"b", "c,d", "e\\f", "{g}");
        assertThat(jdbc.queryForObject("SELECT published_at = '2025-12-31T23:00:00Z' FROM post", Boolean.class))
                .isTrue();
    }

    @Test
    void batchesSmallerThanTheFileGiveTheSameResult() throws Exception {
        Importer tiny = new Importer(jdbc.getDataSource(), new io.microreach.app.home.MicroreachHome(dir), 2);
        ImportReport report = tiny.importFile(
                write("batches.jsonl", ACCOUNT, POST, COMMENT, REPLY, SAMPLE, SAMPLE2, EDGE, COUNT),
                ImportProgress.NONE);

        assertThat(report.stored()).isEqualTo(8);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM comment WHERE parent_id IS NOT NULL", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void aFirstLoadIntoEmptyTablesStoresTheSameRowsAsALaterImportAndStillMarksPacksStale() throws Exception {
        try (java.sql.Connection c = jdbc.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            assertThat(FirstLoad.applies(c)).as("empty tables").isTrue();
        }
        // Children before their parents and batches of two: rows wait for their parent and are linked at the end.
        Importer tiny = new Importer(jdbc.getDataSource(), new io.microreach.app.home.MicroreachHome(dir), 2);
        Path file = write("first.jsonl", SAMPLE, EDGE, COUNT, REPLY, COMMENT, POST, SAMPLE2, ACCOUNT);
        tiny.importFile(file, ImportProgress.NONE);
        String firstLoad = linkedTo1784();
        long account = jdbc.queryForObject("SELECT id FROM account", Long.class);
        // The pack triggers fire in the first load too (ENABLE ALWAYS): the account's pack is there, stale.
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM follower_pack WHERE account_id = ? AND data IS NULL",
                        Long.class,
                        account))
                .isEqualTo(1L);
        // Every key the first load wrote names an existing row, as the skipped checks would have required.
        assertThat(jdbc.queryForObject(
                        "SELECT (SELECT count(*) FROM post p WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = p.account_id))"
                                + " + (SELECT count(*) FROM comment c WHERE NOT EXISTS (SELECT 1 FROM post p WHERE p.id = c.post_id))"
                                + " + (SELECT count(*) FROM comment c WHERE c.parent_platform_id IS NOT NULL"
                                + "    AND NOT EXISTS (SELECT 1 FROM comment q WHERE q.id = c.parent_id))"
                                + " + (SELECT count(*) FROM follower_sample s WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = s.account_id))"
                                + " + (SELECT count(*) FROM follow_edge e WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = e.account_id))"
                                + " + (SELECT count(*) FROM follower_count n WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = n.account_id))",
                        Long.class))
                .isZero();
        try (java.sql.Connection c = jdbc.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            assertThat(FirstLoad.applies(c)).as("tables with data").isFalse();
        }

        // The same file into tables that hold other data (every check on) stores the same rows.
        emptyPublicTables();
        importLines("other.jsonl", ACCOUNT.replace("1784", "99").replace("greenglow.lena", "other"));
        tiny.importFile(file, ImportProgress.NONE);
        assertThat(linkedTo1784())
                .isEqualTo(firstLoad)
                .isEqualTo("1 post, 2 comments, 1 reply, 2 samples, 1 edge, 1 count");
    }

    /**
     * Content of every imported table by natural keys (surrogate ids differ between two loads), one digest per table,
     * leaving out the account {@code zz-other} that keeps a reference import from being a first load.
     */
    private List<String> contentByNaturalKeys() {
        String account = "(SELECT a.platform_id FROM account a WHERE a.id = t.account_id)";
        return jdbc.queryForList(
                "SELECT md5(coalesce(string_agg(x, ',' ORDER BY x), '')) FROM ("
                        + "SELECT 'a' k, concat_ws('|', platform, platform_id, handle, followers, following, bio,"
                        + " creator_id IS NOT NULL) x FROM account WHERE platform_id <> 'zz-other'"
                        + " UNION ALL SELECT 'p', concat_ws('|', platform, platform_id, " + account + ", likes,"
                        + " comments, caption, published_at) FROM post t"
                        + " UNION ALL SELECT 'c', concat_ws('|', t.platform, t.platform_id,"
                        + " (SELECT p.platform_id FROM post p WHERE p.id = t.post_id),"
                        + " (SELECT q.platform_id FROM comment q WHERE q.id = t.parent_id), t.text) FROM comment t"
                        + " UNION ALL SELECT 's', concat_ws('|', platform, " + account + ", follower_platform_id,"
                        + " followers, following, has_profile_pic) FROM follower_sample t"
                        + " UNION ALL SELECT 'e', concat_ws('|', platform, " + account + ", source_id, target_id)"
                        + " FROM follow_edge t"
                        + " UNION ALL SELECT 'n', concat_ws('|', platform, " + account + ", day, followers)"
                        + " FROM follower_count t"
                        + ") rows GROUP BY k ORDER BY k",
                String.class);
    }

    @Test
    void aPipelinedFirstLoadOfGeneratedDataStoresWhatACheckedImportStoresAndQueuesEveryAccount() throws Exception {
        Path generated = dir.resolve("generated");
        new io.microreach.generator.SyntheticDataGenerator(io.microreach.generator.GeneratorConfig.of(25, 11))
                .generate(generated);
        Path file = generated.resolve(io.microreach.generator.SyntheticDataGenerator.DATA_FILE);
        // Batches of 97 lines: hundreds of batches, with comments and follower rows of one batch written on
        // connections of their own while the next batch's accounts and posts are stored on the main one.
        Importer small = new Importer(jdbc.getDataSource(), new io.microreach.app.home.MicroreachHome(dir), 97);

        List<String> indexesBefore = indexDefinitions();
        ImportReport first = small.importFile(file, ImportProgress.NONE);
        List<String> firstContent = contentByNaturalKeys();
        assertThat(indexDefinitions())
                .as("the secondary indexes a first load drops are built again at its end")
                .isEqualTo(indexesBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deferred_index", Long.class))
                .isZero();
        long accounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        assertThat(first.rejected()).isZero();
        assertThat(first.waitingForParent()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follower_sample", Long.class))
                .as("the generated file has sampled followers")
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM score_queue", Long.class))
                .as("every account of a first load is queued for scoring")
                .isEqualTo(accounts);

        emptyPublicTables();
        importLines("other.jsonl", ACCOUNT.replace("1784", "zz-other").replace("greenglow.lena", "other"));
        ImportReport checked = small.importFile(file, ImportProgress.NONE);

        assertThat(checked.stored()).isEqualTo(first.stored());
        assertThat(contentByNaturalKeys()).hasSize(6).isEqualTo(firstContent);
    }

    private List<String> indexDefinitions() {
        return jdbc.queryForList(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN"
                        + " ('account', 'post', 'comment', 'follower_sample', 'follow_edge', 'follower_count')"
                        + " ORDER BY indexname",
                String.class);
    }

    @Test
    void indexesLeftOutByAFirstLoadThatWasKilledAreBuiltAtTheNextStartOrImport() throws Exception {
        List<String> before = indexDefinitions();
        try (java.sql.Connection c = jdbc.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            assertThat(DeferredIndexes.drop(c)).contains("post_account_idx", "follower_sample_account_idx");
        }
        // What a load killed after dropping them leaves behind.
        assertThat(indexDefinitions()).hasSizeLessThan(before.size());
        assertThat(indexDefinitions()).noneMatch(d -> d.contains("post_account_idx"));

        new DeferredIndexes(jdbc.getDataSource()).afterSingletonsInstantiated();
        assertThat(indexDefinitions()).isEqualTo(before);

        try (java.sql.Connection c = jdbc.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            DeferredIndexes.drop(c);
        }
        importLines("after-kill.jsonl", ACCOUNT);
        assertThat(indexDefinitions()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deferred_index", Long.class))
                .isZero();
    }

    @Test
    void aFileThatBreaksMidwayKeepsWhatWasReadBefore() throws Exception {
        Path csv = dir.resolve("broken.csv");
        Files.writeString(
                csv,
                "platform,id,handle,followers,bio\n" + "tiktok,t1,ok,10,fine\n"
                        + "tiktok,t2,broken,20,\"never closed\n");

        ImportReport report = importer.importFile(csv, ImportProgress.NONE);

        assertThat(report.stored()).isEqualTo(1);
        assertThat(report.unreadableLines()).isEqualTo(1);
        assertThat(report.firstRejections())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("unreadable"));
        assertThat(jdbc.queryForObject("SELECT handle FROM account", String.class))
                .isEqualTo("ok");
    }

    @Test
    void accountsWhoseDataChangedAreQueuedForScoringAndUnchangedOnesAreNot() throws Exception {
        Path file = write("queue.jsonl", POST, COMMENT, ACCOUNT, SAMPLE);
        importer.importFile(file, ImportProgress.NONE);
        assertThat(jdbc.queryForList(
                        "SELECT a.platform_id FROM score_queue q JOIN account a ON a.id = q.account_id", String.class))
                .containsExactly("1784");

        jdbc.update("DELETE FROM score_queue");
        importer.importFile(file, ImportProgress.NONE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM score_queue", Long.class))
                .isZero();

        importLines("more-likes.jsonl", POST.replace("820", "900"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM score_queue", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void unusableFilesAreRefusedWithOneLine() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        Path binary = Files.write(dir.resolve("binary.jsonl"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2});

        assertThatThrownBy(() -> importer.importFile(dir.resolve("missing.jsonl"), ImportProgress.NONE))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("missing.jsonl")
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> importer.importFile(empty, ImportProgress.NONE))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> importer.importFile(binary, ImportProgress.NONE))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("binary");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isZero();
    }

    private ImportReport importLines(String name, String... lines) throws IOException, UnusableInputException {
        return importer.importFile(write(name, lines), ImportProgress.NONE);
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static Map<RecordType, Long> stored(ImportReport report) {
        return report.perType().stream().collect(Collectors.toMap(TypeCounts::type, TypeCounts::stored));
    }

    private String linkedTo1784() {
        return jdbc.queryForObject(
                "WITH a AS (SELECT id FROM account WHERE platform_id = '1784'),"
                        + " p AS (SELECT id FROM post WHERE account_id IN (SELECT id FROM a))"
                        + " SELECT (SELECT count(*) FROM p) || ' post, '"
                        + " || (SELECT count(*) FROM comment WHERE post_id IN (SELECT id FROM p)) || ' comments, '"
                        + " || (SELECT count(*) FROM comment WHERE parent_id IS NOT NULL AND post_id IN (SELECT id FROM p))"
                        + " || ' reply, '"
                        + " || (SELECT count(*) FROM follower_sample WHERE account_id IN (SELECT id FROM a)) || ' samples, '"
                        + " || (SELECT count(*) FROM follow_edge WHERE account_id IN (SELECT id FROM a)) || ' edge, '"
                        + " || (SELECT count(*) FROM follower_count WHERE account_id IN (SELECT id FROM a)) || ' count'",
                String.class);
    }

    private String snapshot() {
        return jdbc.queryForList(
                        "SELECT 'a' || a::text FROM account a UNION ALL SELECT 'p' || p::text FROM post p"
                                + " UNION ALL SELECT 'c' || c::text FROM comment c UNION ALL SELECT 's' || s::text FROM follower_sample s"
                                + " UNION ALL SELECT 'e' || e::text FROM follow_edge e UNION ALL SELECT 'n' || n::text FROM follower_count n"
                                + " UNION ALL SELECT 'k' || k::text FROM creator k ORDER BY 1",
                        String.class)
                .toString();
    }
}
