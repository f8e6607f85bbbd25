package io.microreach.niches;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.niches.evaluation.NicheEvaluation;
import io.microreach.niches.evaluation.PlantedAccount;
import io.microreach.niches.evaluation.PlantedAccounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted truth: generated creators' texts (bio, captions, hashtags, in six languages) must come back with their
 * planted niches; and trained on half of them, the supervised layer must beat zero-shot on the other half.
 */
class NichePlantedTruthTest {
    private static final NicheTaxonomy TAXONOMY = NicheTaxonomy.load();
    private static List<PlantedAccount> accounts;
    private static List<float[]> vectors;
    private static ZeroShotNicheClassifier zeroShot;

    @BeforeAll
    static void generate(@TempDir Path dir) throws Exception {
        new SyntheticDataGenerator(
                        GeneratorConfig.of(1200, 3).withFollowerSampleSize(1).withCommentedPosts(0))
                .generate(dir);
        accounts = PlantedAccounts.read(dir);
        StaticEmbedder fast = StaticEmbedder.load();
        vectors = fast.embedAll(accounts.stream().map(PlantedAccount::text).toList());
        zeroShot = ZeroShotNicheClassifier.build(TAXONOMY, fast);
    }

    @Test
    void zeroShotRecoversMostPlantedPrimaryNiches() {
        int hits = 0;
        int nonEnglish = 0;
        int nonEnglishHits = 0;
        for (int i = 0; i < accounts.size(); i++) {
            boolean hit = zeroShot.classify(vectors.get(i))
                    .scores()
                    .get(0)
                    .nicheId()
                    .equals(accounts.get(i).primaryNiche());
            hits += hit ? 1 : 0;
            if (!accounts.get(i).language().equals("en")) {
                nonEnglish++;
                nonEnglishHits += hit ? 1 : 0;
            }
        }
        // Chance is about 1/18; the demo set gives 0.78 (docs/niches.md).
        assertThat(hits / (double) accounts.size()).isGreaterThan(0.7);
        assertThat(nonEnglish).isGreaterThan(100);
        // The fast path's vocabulary is English WordPiece: other languages fare worse (0.39 here), still 7× chance.
        assertThat(nonEnglishHits / (double) nonEnglish).isGreaterThan(0.3);
    }

    @Test
    void supervisedLayerTrainedOnHalfBeatsZeroShotOnTheOtherHalf() {
        int half = accounts.size() / 2;
        List<LabelledVector> train = new ArrayList<>();
        for (int i = 0; i < half; i++) {
            train.add(LabelledVector.complete(vectors.get(i), accounts.get(i).niches(0.2), TAXONOMY));
        }
        SupervisedNicheClassifier supervised = SupervisedNicheClassifier.train(zeroShot, train, 7);
        List<Set<String>> truth = new ArrayList<>();
        List<Set<String>> zs = new ArrayList<>();
        List<Set<String>> sup = new ArrayList<>();
        for (int i = half; i < accounts.size(); i++) {
            truth.add(accounts.get(i).niches(0.2));
            zs.add(zeroShot.classify(vectors.get(i)).assignedIds());
            sup.add(supervised.classify(vectors.get(i)).assignedIds());
        }
        double zeroShotF1 = NicheEvaluation.of(truth, zs, TAXONOMY.ids()).macroF1();
        double supervisedF1 = NicheEvaluation.of(truth, sup, TAXONOMY.ids()).macroF1();
        assertThat(zeroShotF1).isGreaterThan(0.5);
        assertThat(supervisedF1).isGreaterThan(zeroShotF1 + 0.1);
    }

    @Test
    void theShippedModelTrainedOnRedditStillRecoversPlantedNiches() {
        // The shipped model never saw generated text: this is the planted truth of the product's default classifier.
        SupervisedNicheClassifier shipped =
                SupervisedNicheClassifier.shipped(zeroShot).orElseThrow();
        List<Set<String>> truth = new ArrayList<>();
        List<Set<String>> predicted = new ArrayList<>();
        int top = 0;
        int unclear = 0;
        for (int i = 0; i < accounts.size(); i++) {
            NicheScores s = shipped.classify(vectors.get(i), accounts.get(i).text());
            truth.add(accounts.get(i).niches(0.2));
            predicted.add(s.assignedIds());
            top += s.scores().get(0).nicheId().equals(accounts.get(i).primaryNiche()) ? 1 : 0;
            unclear += s.unclear() ? 1 : 0;
        }
        double macroF1 = NicheEvaluation.of(truth, predicted, TAXONOMY.ids()).macroF1();
        // Measured with the words of the text and hashtags split and written three times: top-1 0.81, macro-F1 0.72,
        // 5.8% unclear. Before (bge + MiniLM table, embedding only): top-1 0.82, macro-F1 0.70, 6.8% unclear (zero-shot
        // on the same accounts: top-1
        // 0.80; MiniLM-only table: 0.79, 0.68, 7.3%).
        assertThat(top / (double) accounts.size()).isGreaterThan(0.7);
        assertThat(unclear / (double) accounts.size()).isLessThan(0.15);
        assertThat(macroF1).isGreaterThan(0.6);
    }
}
