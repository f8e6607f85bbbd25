package io.microreach.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.home.MicroreachHome;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.generator.SyntheticDataGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts of the generated demo data set: marked in {@code account.is_demo} so searches, lookalikes and plans can
 * leave them out once real data exists, counted, and removed with every row that belongs to them.
 *
 * <p>Marking: the demo loads only into an empty database, so right after its import every account is a demo account.
 * A home that loaded the demo before the flag existed still has the demo's ground truth ({@code
 * demo-data/ground-truth.jsonl}, one line per generated account with its platform and platform id); at start, when no
 * account is marked yet, the accounts it lists are marked. Imports never set the flag, so real accounts stay real.
 *
 * <p>Removal deletes, in one transaction, the demo accounts' posts and their comments, follower samples, follow edges,
 * follower history and the shortlist entries, notes and negotiated prices pointing at them (children found by account
 * id or by the natural key, so rows not yet linked go too), then the accounts (scorecards, signals, niches, embeddings
 * and audience sketches follow by cascade) and creators left without an account. Then every remaining account is
 * rescored, because its peer percentiles were computed among demo peers; the rescoring's event rebuilds the search index
 * and re-classifies niches. The demo's files in the home go too, so nothing marks or loads the demo again by itself.
 */
@Component
public class DemoAccounts implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    /** Rows of a child table that belong to a demo account, by link or by the account's natural key. */
    private static final String OF_DEMO = " WHERE account_id IN (SELECT id FROM account WHERE is_demo)"
            + " OR (account_id IS NULL AND (platform, account_platform_id) IN"
            + " (SELECT platform, platform_id FROM account WHERE is_demo))";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final MicroreachHome home;
    private final Scorer scorer;

    public DemoAccounts(
            JdbcTemplate jdbc, PlatformTransactionManager transactions, MicroreachHome home, Scorer scorer) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.home = home;
        this.scorer = scorer;
    }

    /** Demo accounts stored now. */
    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM account WHERE is_demo", Long.class);
        return n == null ? 0 : n;
    }

    /** Marks every stored account as demo: only right after the demo was imported into an empty database. */
    int markAll() {
        return jdbc.update("UPDATE account SET is_demo = true WHERE NOT is_demo");
    }

    /** Marks the accounts of an earlier demo load, found through its ground truth, if none is marked yet. */
    @Override
    public void afterSingletonsInstantiated() {
        Path truth = home.demoData().resolve(SyntheticDataGenerator.GROUND_TRUTH_FILE);
        if (!Files.isRegularFile(truth)) {
            return;
        }
        Boolean marked = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account WHERE is_demo) OR NOT EXISTS (SELECT 1 FROM account)",
                Boolean.class);
        if (Boolean.TRUE.equals(marked)) {
            return;
        }
        int n = markFromGroundTruth(truth);
        if (n > 0) {
            LOG.info("Marked {} accounts of the earlier demo load as demo data", n);
        }
    }

    int markFromGroundTruth(Path truth) {
        List<String> platforms = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                if (row.hasNonNull("platform") && row.hasNonNull("account_id")) {
                    platforms.add(row.get("platform").asText());
                    ids.add(row.get("account_id").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the demo ground truth " + truth + ": " + e.getMessage(), e);
        }
        return jdbc.update(
                "UPDATE account a SET is_demo = true FROM unnest(?::text[], ?::text[]) AS g(platform, platform_id)"
                        + " WHERE a.platform = g.platform AND a.platform_id = g.platform_id",
                platforms.toArray(String[]::new),
                ids.toArray(String[]::new));
    }

    /** Deletes every demo account and what belongs to it, then rescores the remaining accounts (see the class). */
    public DemoRemoval remove(ScoringProgress progress) {
        DemoRemoval removed = tx.execute(status -> deleteDemoRows());
        long rescored = 0;
        if (removed.accounts() > 0) {
            rescored = scorer.scoreAll(progress).accounts();
        }
        deleteDemoFiles();
        LOG.info("Removed the demo data: {} accounts", removed.accounts());
        return removed.withRescored(rescored);
    }

    private DemoRemoval deleteDemoRows() {
        String demoPosts = "SELECT id FROM post" + OF_DEMO;
        String demoComments = "SELECT id FROM comment WHERE post_id IN (" + demoPosts + ")";
        // A real reply to a demo comment (possible only through hand-made data) keeps its text and loses the link.
        jdbc.update("UPDATE comment SET parent_id = NULL WHERE parent_id IN (" + demoComments + ") AND post_id NOT IN ("
                + demoPosts + ")");
        long comments = jdbc.update("DELETE FROM comment WHERE post_id IN (" + demoPosts + ")");
        long posts = jdbc.update("DELETE FROM post" + OF_DEMO);
        long samples = jdbc.update("DELETE FROM follower_sample" + OF_DEMO);
        long edges = jdbc.update("DELETE FROM follow_edge" + OF_DEMO);
        long counts = jdbc.update("DELETE FROM follower_count" + OF_DEMO);
        String demoIds = " WHERE account_id IN (SELECT id FROM account WHERE is_demo)";
        // Demo campaigns go with the demo accounts, and the orders credited to their creators with them.
        long campaignRows = jdbc.update("DELETE FROM campaign_order WHERE campaign_creator_id IN (SELECT cc.id FROM"
                        + " campaign_creator cc JOIN campaign c ON c.id = cc.campaign_id WHERE c.is_demo)")
                + jdbc.update("DELETE FROM campaign WHERE is_demo");
        long workspaceRows = campaignRows
                + jdbc.update("DELETE FROM shortlist_entry" + demoIds)
                + jdbc.update("DELETE FROM creator_note" + demoIds)
                + jdbc.update("DELETE FROM negotiated_price" + demoIds);
        List<Long> creators = jdbc.queryForList(
                "SELECT DISTINCT creator_id FROM account WHERE is_demo AND creator_id IS NOT NULL", Long.class);
        long accounts = jdbc.update("DELETE FROM account WHERE is_demo");
        long orphanCreators = creators.isEmpty()
                ? 0
                : jdbc.update(
                        "DELETE FROM creator c WHERE c.id = ANY(?) AND NOT EXISTS"
                                + " (SELECT 1 FROM account a WHERE a.creator_id = c.id)",
                        (Object) creators.toArray(Long[]::new));
        return new DemoRemoval(accounts, posts, comments, samples, edges, counts, workspaceRows, orphanCreators, 0);
    }

    private void deleteDemoFiles() {
        Path dir = home.demoData();
        for (String name : List.of(
                SyntheticDataGenerator.DATA_FILE,
                SyntheticDataGenerator.GROUND_TRUTH_FILE,
                SyntheticDataGenerator.MANIFEST_FILE)) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", dir.resolve(name), e.getMessage());
            }
        }
    }
}
