package io.microreach.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.domain.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class ErasureTest extends SpringAppTest {
    private static final String ID = "erase-id-4711";
    private static final String HANDLE = "Erase.Me.Please";

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    Erasure erasure;

    @TempDir
    Path dir;

    /** A creator to erase, and another whose audience, comments and graph include them. */
    private Path data() throws Exception {
        List<String> lines = List.of(
                account(ID, HANDLE),
                account("keeper-1", "keeper"),
                "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"pa1\",\"account_id\":\"" + ID + "\","
                        + "\"published_at\":\"2026-11-01T10:00:00Z\",\"format\":\"photo\",\"caption\":\"mine\","
                        + "\"likes\":10,\"comments\":2}",
                "{\"type\":\"comment\",\"platform\":\"instagram\",\"id\":\"ca1\",\"post_id\":\"pa1\","
                        + "\"author_id\":\"fan-1\",\"author_handle\":\"fan.one\",\"text\":\"nice\","
                        + "\"created_at\":\"2026-11-01T11:00:00Z\"}",
                "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"pb1\",\"account_id\":\"keeper-1\","
                        + "\"published_at\":\"2026-11-02T10:00:00Z\",\"format\":\"photo\",\"caption\":\"ours\","
                        + "\"likes\":20,\"comments\":2}",
                "{\"type\":\"comment\",\"platform\":\"instagram\",\"id\":\"cb1\",\"post_id\":\"pb1\","
                        + "\"author_id\":\"" + ID + "\",\"author_handle\":\"" + HANDLE + "\","
                        + "\"text\":\"I am " + HANDLE + "\",\"created_at\":\"2026-11-02T11:00:00Z\"}",
                "{\"type\":\"comment\",\"platform\":\"instagram\",\"id\":\"cb2\",\"post_id\":\"pb1\","
                        + "\"author_id\":\"keeper-1\",\"author_handle\":\"keeper\",\"text\":\"thanks\","
                        + "\"created_at\":\"2026-11-02T12:00:00Z\",\"parent_id\":\"cb1\"}",
                sample("keeper-1", ID, HANDLE.toLowerCase()),
                sample("keeper-1", "fan-2", "fan.two"),
                sample(ID, "fan-1", "fan.one"),
                "{\"type\":\"follow_edge\",\"platform\":\"instagram\",\"account_id\":\"keeper-1\"," + "\"source_id\":\""
                        + ID + "\",\"target_id\":\"fan-2\"}",
                "{\"type\":\"follow_edge\",\"platform\":\"instagram\",\"account_id\":\"keeper-1\","
                        + "\"source_id\":\"fan-2\",\"target_id\":\"fan-3\"}",
                "{\"type\":\"follower_count\",\"platform\":\"instagram\",\"account_id\":\"" + ID + "\","
                        + "\"date\":\"2026-11-01\",\"followers\":2000}");
        Path file = dir.resolve("people.jsonl");
        Files.write(file, lines);
        return file;
    }

    private static String account(String id, String handle) {
        return "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"" + id + "\",\"handle\":\"" + handle
                + "\",\"display_name\":\"" + handle + " Display\",\"followers\":2000,\"following\":100,"
                + "\"bio\":\"bio of " + handle + "\"}";
    }

    private static String sample(String account, String follower, String handle) {
        return "{\"type\":\"follower_sample\",\"platform\":\"instagram\",\"account_id\":\"" + account + "\","
                + "\"follower_id\":\"" + follower + "\",\"handle\":\"" + handle + "\",\"followers\":50,"
                + "\"following\":80}";
    }

    /** Every text-like column of every table that mentions the id or the handle (any case), as table.column. */
    private List<String> mentions() {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND data_type IN ('text', 'character varying', 'ARRAY', 'json', 'jsonb')");
        for (Map<String, Object> c : columns) {
            String sql = "SELECT count(*) FROM \"" + c.get("table_name") + "\" WHERE \"" + c.get("column_name")
                    + "\"::text ILIKE ? OR \"" + c.get("column_name") + "\"::text ILIKE ?";
            Long n = jdbc.queryForObject(sql, Long.class, "%" + ID + "%", "%" + HANDLE + "%");
            if (n != null && n > 0) {
                found.add(c.get("table_name") + "." + c.get("column_name"));
            }
        }
        return found;
    }

    private long keeperSketchSample() {
        return jdbc.queryForObject(
                "SELECT s.sample_size FROM audience_sketch s JOIN account a ON a.id = s.account_id"
                        + " WHERE a.platform_id = 'keeper-1'",
                Long.class);
    }

    @Test
    void anErasedCreatorIsGoneFromEveryTableTheIndexAndTheSketchesAndStaysGoneOnReimport() throws Exception {
        emptyPublicTables();
        jdbc.update("DELETE FROM erased_subject");
        Path file = data();
        ImportReport first = importer.importFile(file, ImportProgress.NONE);
        assertThat(first.rejected()).isZero();
        scorer.scoreAll(ScoringProgress.NONE);
        assertThat(mentions()).as("the creator is stored before").contains("account.handle", "comment.author_handle");
        long sketchBefore = keeperSketchSample();
        WebClient web = new WebClient(port);
        assertThat(web.get("/api/search?query=" + HANDLE.toLowerCase() + "&include_demo=true")
                        .body())
                .containsIgnoringCase(HANDLE);

        PersonalDataExport before = erasure.export(Platform.INSTAGRAM, HANDLE.toLowerCase());
        assertThat(before.erased()).isFalse();
        assertThat(before.tables().get("account")).hasSize(1);
        assertThat(before.tables().get("comment_written")).hasSize(1);
        assertThat(before.tables().get("follower_sample_naming_them")).hasSize(1);

        ErasureReport report = erasure.erase(Platform.INSTAGRAM, "@" + HANDLE.toLowerCase(), "test");

        assertThat(report.accounts()).isEqualTo(1);
        assertThat(report.posts()).isEqualTo(1);
        assertThat(report.commentsOnTheirPosts()).isEqualTo(1);
        assertThat(report.commentsTheyWrote()).isEqualTo(1);
        assertThat(report.followerSampleRows())
                .as("their own sample and their row in keeper's")
                .isEqualTo(2);
        assertThat(report.followEdges()).isEqualTo(1);
        assertThat(mentions()).as("nothing about them in any table").isEmpty();
        assertThat(web.get("/api/search?query=" + HANDLE.toLowerCase() + "&include_demo=true")
                        .body())
                .doesNotContainIgnoringCase(HANDLE)
                .doesNotContain(ID);
        assertThat(keeperSketchSample())
                .as("keeper's audience sketch no longer counts them")
                .isLessThan(sketchBefore);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM comment WHERE platform_id = 'cb2' AND parent_id IS NULL", Long.class))
                .as("keeper's reply to their comment stays, unlinked")
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM follower_sample WHERE follower_platform_id = 'fan-2'", Long.class))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'creator.erase'", Long.class))
                .isPositive();

        ImportReport again = importer.importFile(file, ImportProgress.NONE);
        assertThat(again.rejected()).as("every line naming them is refused").isEqualTo(7);
        assertThat(again.firstRejections())
                .allSatisfy(r -> assertThat(r.reason()).contains("erased on request"));
        assertThat(mentions()).as("a re-import does not bring them back").isEmpty();
        assertThat(erasure.export(Platform.INSTAGRAM, HANDLE).erased()).isTrue();
        assertThat(erasure.export(Platform.INSTAGRAM, HANDLE).tables().values())
                .allSatisfy(rows -> assertThat(rows).isEmpty());
    }
}
