package io.microreach.signals.followers.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.signals.followers.FollowerProfile;
import io.microreach.signals.followers.training.PublicProfileData.LabelledSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaveOneSourceOutTest {
    static LabelledSet source(String name, long seed, int n, int smallGenuine) {
        List<LabelledProfile> rows = new ArrayList<>(LogisticTrainingTest.synthetic(seed, n));
        for (int i = 0; i < smallGenuine; i++) {
            // Small, quiet and genuine: 20–40 followers, fewer followings, 2 posts.
            rows.add(new LabelledProfile(
                    FollowerProfile.unknown().withCounts(2L, 20L + i, 15L).withFlags(true, null, false), false));
        }
        return new LabelledSet(name, rows);
    }

    @Test
    void eachSourceIsHeldOutOnceAndScoredByAModelTrainedOnTheOthers() {
        List<LabelledSet> sources = List.of(source("a", 1, 300, 10), source("b", 2, 240, 0), source("c", 3, 360, 20));
        TrainingOptions options = TrainingOptions.defaults().withMaxFalsePositiveRate(0.05);
        List<LeaveOneSourceOut.SourceResult> results = LeaveOneSourceOut.evaluate(sources, options);

        assertThat(results).extracting(LeaveOneSourceOut.SourceResult::source).containsExactly("a", "b", "c");
        assertThat(results.get(0).trainedOn()).containsExactly("b", "c");
        assertThat(results.get(1).trainedOn()).containsExactly("a", "c");
        LeaveOneSourceOut.SourceResult a = results.get(0);
        assertThat(a.evaluation().n()).isEqualTo(310);
        assertThat(a.evaluation().positives()).isEqualTo(100); // every third of 300
        assertThat(a.allGenuineAccuracy()).isEqualTo(210 / 310.0);
        assertThat(a.fakeShare()).isEqualTo(100 / 310.0);
        assertThat(a.smallInactiveGenuine()).isEqualTo(10);
        assertThat(results.get(1).smallInactiveGenuine()).isZero();
        assertThat(results.get(2).smallInactiveGenuine()).isEqualTo(20);
        // Following fewer than follow them: the small accounts are never flagged.
        assertThat(results)
                .allSatisfy(r -> assertThat(r.smallInactiveGenuineFlagged()).isZero());

        // Reference: the same as training on the other sources by hand and scoring the held-out one.
        ClassifierEvaluation byHand = ClassifierEvaluation.of(
                LogisticTraining.trainOnSources(List.of(sources.get(0), sources.get(2)), options),
                sources.get(1).profiles());
        assertThat(results.get(1).evaluation()).isEqualTo(byHand);
    }

    @Test
    void needsTwoSources() {
        assertThatThrownBy(() -> LeaveOneSourceOut.evaluate(List.of(source("a", 1, 60, 0)), TrainingOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two sources");
    }
}
