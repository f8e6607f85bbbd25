package io.microreach.niches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known answers: obvious creator texts (written for this test, not taken from the taxonomy) → the right niche. */
class NicheClassifierTest {
    private static final NicheTaxonomy TAXONOMY = NicheTaxonomy.load();
    private static StaticEmbedder fast;
    private static ZeroShotNicheClassifier zeroShot;

    @BeforeAll
    static void build() {
        fast = StaticEmbedder.load();
        zeroShot = ZeroShotNicheClassifier.build(TAXONOMY, fast);
    }

    static Stream<Arguments> obvious() {
        return Stream.of(
                Arguments.of("fitness", "Deadlifts and bench press today. Gym session, then protein shake. #gymlife"),
                Arguments.of("clean_beauty", "Organic plant-based skincare, vegan and cruelty-free. #naturalskincare"),
                Arguments.of("beauty", "Eyeshadow and lipstick look for tonight, makeup tutorial. #makeup"),
                Arguments.of("fashion", "Today's outfit: denim jacket, sneakers and a silk scarf. #ootd #style"),
                Arguments.of("gaming", "Streaming the new RPG on twitch tonight, ranked matches after. #gamer"),
                Arguments.of("travel", "Landed in Tokyo! Hotel tips and a two week itinerary. #wanderlust"),
                Arguments.of("food", "Homemade lasagna recipe and a lemon cake for dessert. #recipe #baking"),
                Arguments.of("parenting", "Our toddler finally sleeps through the night, mum life. #momlife"),
                Arguments.of("pets", "My puppy learned to sit and fetch, the cat is jealous. #dogsofinstagram"),
                Arguments.of("home_interior", "Painted the living room and new sofa, interior decor. #homedecor"),
                Arguments.of("tech", "Unboxing the new smartphone, camera and battery review. #gadgets"),
                Arguments.of("finance", "Investing in ETFs, saving money and my monthly budget. #investing"),
                Arguments.of("sports", "Football match tonight, the league final, great goal! #soccer"),
                Arguments.of("outdoor", "Hiking to the summit and camping in the mountains. #hiking"),
                Arguments.of("music", "Recorded a new song with my guitar, concert next week. #musician"),
                Arguments.of("education", "Explaining chemistry for students preparing for exams. #studytips"),
                Arguments.of("sustainability", "Zero waste living, recycling and less plastic. #sustainableliving"),
                Arguments.of("personal_development", "Morning routine for productivity and a growth mindset."),
                Arguments.of("fitness", "Heute Beintraining im Fitnessstudio, Kniebeugen und Ausdauer."),
                Arguments.of("food", "Receta de paella casera con mariscos, ¡qué rica!"),
                Arguments.of("travel", "Week-end à Lisbonne : hôtel, visites et conseils de voyage."));
    }

    @ParameterizedTest
    @MethodSource("obvious")
    void obviousTextsGoToTheirNicheOnTheFastPath(String niche, String text) {
        NicheScores scores = zeroShot.classify(fast.embed(text));
        assertThat(scores.scores().subList(0, 2))
                .as(text)
                .extracting(NicheScore::nicheId)
                .contains(niche);
    }

    @Test
    void confidencesAreProbabilitiesAndMultiLabel() {
        NicheScores s = zeroShot.classify(fast.embed("Hiking and camping with my dog, then a trail run."));
        assertThat(s.scores())
                .hasSize(18)
                .allSatisfy(n -> assertThat(n.confidence()).isBetween(0.0, 1.0));
        assertThat(s.scores().get(0).confidence()).isGreaterThan(0.5);
        assertThat(s.assignedIds()).contains("outdoor");
        // Confidences are independent per niche, so they need not sum to one.
        double sum = s.scores().stream().mapToDouble(NicheScore::confidence).sum();
        assertThat(sum).isNotCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void anEmptyTextHasNoNiche() {
        NicheScores s = zeroShot.classify(fast.embed("   "));
        assertThat(s.assigned(NicheScores.THRESHOLD)).isEmpty();
    }

    @Test
    void theCalibrationSlopeIsPositive() {
        // A higher standardised similarity must mean a higher confidence, and an average niche (z = 0) is unlikely.
        assertThat(zeroShot.calibration().a()).isPositive();
        assertThat(zeroShot.calibration().probability(0)).isLessThan(0.1);
    }

    @Test
    void supervisedLayerLearnsALabelTheTaxonomyDoesNotDescribe() {
        // Texts about knitting are labelled "music" here: a zero-shot classifier cannot know, the supervised one learns
        // it.
        List<String> knitting = List.of(
                "knitting a wool sweater",
                "my crochet blanket pattern",
                "yarn haul and knitting needles",
                "knit a scarf with me",
                "cable knit hat tutorial",
                "crochet amigurumi toy",
                "new yarn colours",
                "knitting socks for winter");
        List<String> other = List.of(
                "gym workout and squats",
                "pasta recipe for dinner",
                "new smartphone review",
                "hiking in the alps",
                "my cat sleeping",
                "football match tonight",
                "saving money with index funds",
                "lipstick swatches");
        List<LabelledVector> data = new java.util.ArrayList<>();
        knitting.forEach(t -> data.add(LabelledVector.complete(fast.embed(t), Set.of("music"), TAXONOMY)));
        other.forEach(t -> data.add(LabelledVector.complete(fast.embed(t), Set.of("fitness"), TAXONOMY)));
        SupervisedNicheClassifier supervised = SupervisedNicheClassifier.train(zeroShot, data, 1);

        float[] probe = fast.embed("knitting a cardigan with merino yarn");
        assertThat(zeroShot.classify(probe).confidence("music")).isLessThan(0.5);
        assertThat(supervised.classify(probe).confidence("music")).isGreaterThan(0.5);
        assertThat(supervised.trainedNiches()).containsExactlyInAnyOrder("music", "fitness");
        // Niches without enough examples keep the zero-shot confidence.
        assertThat(supervised.classify(probe).confidence("pets"))
                .isEqualTo(zeroShot.classify(probe).confidence("pets"));
    }

    @Test
    void correctionsBecomeTrainingLabels() {
        float[] v = fast.embed("anything");
        LabelledVector onlyRemoved = LabelledVector.fromCorrections(v, Map.of("gaming", false), TAXONOMY);
        assertThat(onlyRemoved.positives()).isEmpty();
        assertThat(onlyRemoved.negatives()).containsExactly("gaming");

        LabelledVector assigned = LabelledVector.fromCorrections(v, Map.of("fitness", true, "sports", true), TAXONOMY);
        assertThat(assigned.positives()).containsExactlyInAnyOrder("fitness", "sports");
        assertThat(assigned.negatives()).hasSize(16).doesNotContain("fitness", "sports");
    }
}
