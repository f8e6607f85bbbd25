package io.microreach.app.demo;

import io.microreach.app.campaigns.CampaignImport;
import io.microreach.app.home.DemoImage;
import io.microreach.app.home.MicroreachHome;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.Importer;
import io.microreach.app.niches.NicheClassification;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.users.Workspaces;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.generator.campaigns.CampaignDataSet;
import io.microreach.generator.campaigns.CampaignGenerator;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data set when the database is empty. It runs after all beans (and so the Flyway migration) are
 * ready but before the web server starts, so the first page a user sees is never half loaded. The loaded accounts are
 * marked as demo data ({@link DemoAccounts}).
 */
@Component
@ConditionalOnProperty(name = "microreach.demo.enabled", havingValue = "true")
public class DemoDataLoader implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcTemplate jdbc;
    private final Importer importer;
    private final MicroreachHome home;
    private final Scorer scorer;
    private final NicheClassification niches;
    private final DemoAccounts demo;
    private final int creators;
    private final CampaignImport campaignImport;
    private final Workspaces workspaces;

    /** Campaigns in the demo: one finished, one running. */
    static final int DEMO_CAMPAIGNS = 2;

    /** The workspace whose owner the demo user is (security's first sign-in makes it): the demo campaigns go there. */
    static final String DEMO_WORKSPACE = "demo";

    public DemoDataLoader(
            JdbcTemplate jdbc,
            Importer importer,
            MicroreachHome home,
            Scorer scorer,
            NicheClassification niches,
            DemoAccounts demo,
            CampaignImport campaignImport,
            Workspaces workspaces,
            @Value("${microreach.demo.creators:5000}") int creators) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.home = home;
        this.scorer = scorer;
        this.niches = niches;
        this.demo = demo;
        this.creators = creators;
        this.campaignImport = campaignImport;
        this.workspaces = workspaces;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Long accounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        if (accounts != null && accounts > 0) {
            LOG.info(
                    "Database holds {} accounts{}; not loading the demo data set",
                    accounts,
                    DemoImage.stampOf(home.root()).isPresent() ? " (the demo data set, completely loaded)" : "");
            return;
        }
        try {
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the demo data set: " + e.getMessage(), e);
        } catch (UnusableInputException e) {
            throw new IllegalStateException("could not import the demo data set: " + e.getMessage(), e);
        }
    }

    private void load() throws IOException, UnusableInputException {
        GeneratorConfig config = GeneratorConfig.demo().withCreators(creators);
        Path dir = home.demoData();
        Path data = dir.resolve(SyntheticDataGenerator.DATA_FILE);
        // The manifest is written last, so data next to a manifest is complete; anything else is regenerated.
        if (!Files.exists(data) || !Files.exists(dir.resolve(SyntheticDataGenerator.MANIFEST_FILE))) {
            LOG.info(
                    "Demo data set: generating {} creators (seed {}) in {} (first start only)",
                    config.creators(),
                    config.seed(),
                    dir);
            long started = System.nanoTime();
            new SyntheticDataGenerator(config).generate(dir);
            LOG.info("Demo data generated in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        LOG.info("Importing the demo data set from {} (first start only)", data);
        ImportReport report = importer.importFile(data, new LogProgress());
        LOG.info(
                "Demo data loaded: {} rows stored, {} rejected, in {} s",
                report.stored(),
                report.rejected(),
                report.elapsed().toSeconds());
        // Two campaigns on top of the pool, one finished and one running, with planted clicks, orders, a leaked
        // code, an undisclosed post and UGC, so that every campaign page has something to show.
        new CampaignGenerator(config.seed(), DEMO_CAMPAIGNS, config.now()).generate(dir);
        Path campaignPosts = CampaignDataSet.folderOf(dir).resolve(CampaignDataSet.POSTS);
        importer.importFile(campaignPosts, ImportProgress.NONE);
        CampaignDataSet campaignData = CampaignDataSet.read(dir);
        // The database was empty: every account now stored is a demo account (searches hide them once real data
        // exists; 'microreach demo remove' deletes them).
        demo.markAll();
        // The JSONL is large (about 400 MB) and the same seed regenerates it byte for byte; keep only the
        // manifest and the ground truth, which later evaluations read.
        Files.deleteIfExists(data);
        // Niches first, so that the first scoring already has niche peer groups (scoring reads the stored niches;
        // the classification that follows each scoring reuses these embeddings by content hash).
        LOG.info("Classifying the niches of the demo accounts (first start only)");
        long classifying = System.nanoTime();
        niches.classifyAll(NicheClassification.Progress.NONE);
        LOG.info("Demo niches classified in {} ms", (System.nanoTime() - classifying) / 1_000_000);
        LOG.info("Scoring the demo accounts (first start only)");
        var scored = scorer.scoreAll(io.microreach.app.scoring.ScoringProgress.NONE);
        LOG.info(
                "Demo accounts scored: {} in {} ms (with niches, audiences and the search index)",
                scored.accounts(),
                scored.elapsed().toMillis());
        long workspace = workspaces.findOrCreate(DEMO_WORKSPACE, "demo").id();
        CampaignImport.Loaded loaded = campaignImport.load(campaignData, workspace, true);
        LOG.info(
                "Demo campaigns loaded into workspace '{}': {} campaigns, {} creators, {} link requests, {} order"
                        + " deliveries",
                DEMO_WORKSPACE,
                loaded.campaigns(),
                loaded.creators(),
                loaded.clicks(),
                loaded.orders());
        DemoImage.stamp(home, new DemoImage.Stamp(config.creators(), config.seed()));
    }

    /** Logs import progress every few seconds; the server is not up yet, so the log is all the user sees. */
    private static final class LogProgress implements io.microreach.app.importer.ImportProgress {
        private long last = System.nanoTime();

        @Override
        public void update(long bytesRead, long totalBytes, long lines) {
            if (System.nanoTime() - last > 5_000_000_000L) {
                last = System.nanoTime();
                LOG.info(
                        "Importing demo data: {}% ({} lines)",
                        totalBytes == 0 ? 100 : bytesRead * 100 / totalBytes, lines);
            }
        }
    }
}
