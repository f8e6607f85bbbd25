package io.microreach.generator.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.campaigns.DeliverableStatus;
import io.microreach.campaigns.evaluation.CampaignEvaluation;
import io.microreach.campaigns.evaluation.CampaignEvaluationReport;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planted truth: a small pool with campaigns, read back, checked by the evaluation against the goals of issue 19. */
class CampaignGeneratorTest {
    private static final List<String> FILES = List.of(
            CampaignDataSet.CAMPAIGNS,
            CampaignDataSet.CLICKS,
            CampaignDataSet.ORDERS,
            CampaignDataSet.POSTS,
            CampaignDataSet.TRUTH);

    @TempDir
    static Path temp;

    static Path pool;

    @BeforeAll
    static void pool() throws IOException {
        pool = temp.resolve("pool");
        new SyntheticDataGenerator(GeneratorConfig.of(400, 3)
                        .withPostsPerCreator(1)
                        .withFollowerSampleSize(0)
                        .withCommentedPosts(0)
                        .withHistoryDays(1))
                .generate(pool, (done, total) -> {});
    }

    @Test
    void plantedTruthMeetsTheGoals() throws IOException {
        Path dir = copyOfPool("goals");
        CampaignGenerator.Summary summary = new CampaignGenerator(11, 12).generate(dir);
        assertThat(summary.campaigns()).isEqualTo(12);
        assertThat(summary.leakedCodes()).isGreaterThanOrEqualTo(12);

        CampaignEvaluationReport r = CampaignEvaluation.run(dir);
        assertThat(r.campaigns()).isEqualTo(12);
        assertThat(r.orderDeliveries()).isGreaterThan(r.distinctOrders());
        assertThat(r.distinctOrders()).isEqualTo(r.plantedOrders());
        assertThat(r.attributionAccuracy()).isGreaterThanOrEqualTo(CampaignEvaluationReport.ATTRIBUTION_GOAL);
        assertThat(r.leakRecall()).isGreaterThanOrEqualTo(CampaignEvaluationReport.LEAK_RECALL_GOAL);
        assertThat(r.leakFalseAlarmRate()).isLessThanOrEqualTo(CampaignEvaluationReport.LEAK_FALSE_ALARM_GOAL);
        assertThat(r.undisclosedPosts()).isPositive();
        assertThat(r.disclosureDetectionRate()).isEqualTo(1.0);
        assertThat(r.disclosureFalseAlarmRate()).isEqualTo(0.0);
        assertThat(r.requirementMissesPlanted()).isPositive();
        assertThat(r.requirementMissesFound()).isEqualTo(r.requirementMissesPlanted());
        assertThat(r.ugcRecall()).isGreaterThanOrEqualTo(CampaignEvaluationReport.UGC_RECALL_GOAL);
        assertThat(r.ugcPrecision()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.screeningAccuracy()).isEqualTo(1.0);
        assertThat(r.goalsMet()).isTrue();
    }

    @Test
    void theFilesHoldWhatTheReaderPromises() throws IOException {
        Path dir = copyOfPool("shape");
        new CampaignGenerator(5, 4).generate(dir);
        CampaignDataSet data = CampaignDataSet.read(dir);
        assertThat(data.campaigns())
                .extracting(CampaignDataSet.Campaign::status)
                .containsExactly("finished", "running", "finished", "running");
        Set<String> tracking = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (CampaignDataSet.Campaign c : data.campaigns()) {
            assertThat(c.endsOn()).isAfter(c.startsOn());
            for (CampaignDataSet.Creator cr : c.creators()) {
                assertThat(cr.trackingCode()).matches("^[A-Za-z0-9_-]{6,32}$");
                assertThat(tracking.add(cr.trackingCode())).isTrue();
                assertThat(codes.add(cr.promoCode().toUpperCase())).isTrue();
                for (CampaignDataSet.Deliverable d : cr.deliverables()) {
                    DeliverableStatus s = DeliverableStatus.fromDb(d.status());
                    assertThat(d.postPlatformId() != null).isEqualTo(s.isPublished());
                }
            }
        }
        assertThat(data.clicks())
                .extracting(CampaignDataSet.ClickRequest::method)
                .contains("GET", "HEAD");
        assertThat(data.orders()).anyMatch(o -> o.updatedAt() != null);
        assertThat(data.truth().ugc()).isNotEmpty();
        assertThat(data.accounts()).isNotEmpty();
        assertThat(data.posts())
                .hasSizeGreaterThan(
                        data.truth().posts().size() + data.truth().ugc().size());
        // Delivered out of order: some order arrives after one created later.
        boolean outOfOrder = false;
        for (int i = 1; i < data.orders().size(); i++) {
            outOfOrder |= data.orders()
                    .get(i)
                    .createdAt()
                    .isBefore(data.orders().get(i - 1).createdAt());
        }
        assertThat(outOfOrder).isTrue();
    }

    @Test
    void sameSeedSameBytes() throws IOException {
        Path a = copyOfPool("a");
        Path b = copyOfPool("b");
        new CampaignGenerator(9, 3).generate(a);
        new CampaignGenerator(9, 3).generate(b);
        for (String f : FILES) {
            assertThat(Files.readAllBytes(a.resolve("campaigns").resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readAllBytes(b.resolve("campaigns").resolve(f)));
        }
        Path c = copyOfPool("c");
        new CampaignGenerator(10, 3).generate(c);
        assertThat(Files.readAllBytes(c.resolve("campaigns").resolve(CampaignDataSet.ORDERS)))
                .isNotEqualTo(Files.readAllBytes(a.resolve("campaigns").resolve(CampaignDataSet.ORDERS)));
    }

    @Test
    void missingFilesAndBadLinesAreNamed() throws IOException {
        Path dir = copyOfPool("bad");
        assertThatThrownBy(() -> CampaignDataSet.read(dir))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(CampaignDataSet.CAMPAIGNS);
        new CampaignGenerator(1, 2).generate(dir);
        Path orders = dir.resolve("campaigns").resolve(CampaignDataSet.ORDERS);
        Files.writeString(orders, "{\"orderId\":\"x\",\"createdAt\":\"yesterday\",\"lineItems\":[]}\n");
        assertThatThrownBy(() -> CampaignDataSet.read(dir))
                .hasMessageContaining(CampaignDataSet.ORDERS + ":1: field 'createdAt'");
        Files.delete(dir.resolve("campaigns").resolve(CampaignDataSet.TRUTH));
        assertThatThrownBy(() -> CampaignEvaluation.run(dir))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(CampaignDataSet.TRUTH);
        assertThatThrownBy(() -> new CampaignGenerator(1, 0)).hasMessageContaining("campaigns");
        assertThatThrownBy(() -> new CampaignGenerator(1, 2).generate(temp.resolve("nowhere")))
                .hasMessageContaining("data.jsonl");
    }

    private static Path copyOfPool(String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.copy(pool.resolve("data.jsonl"), dir.resolve("data.jsonl"));
        return dir;
    }
}
