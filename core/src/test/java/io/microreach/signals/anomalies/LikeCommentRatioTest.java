package io.microreach.signals.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.Confidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LikeCommentRatioTest {
    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private final AnomalyDetector detector = new AnomalyDetector();

    static List<Post> posts(int n, Long likes, Long comments) {
        List<Post> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Post(
                    Platform.INSTAGRAM,
                    "p" + i,
                    "acc",
                    NOW.minus(Duration.ofDays(i + 1)),
                    PostFormat.PHOTO,
                    "",
                    List.of(),
                    List.of(),
                    likes,
                    comments,
                    null,
                    null,
                    null,
                    5000L,
                    null,
                    null));
        }
        return out;
    }

    /** 40 peers with likes per comment e^3.9 × e^(±0.1·k): median ln 3.9, MAD 0.1·(spread). */
    static PeerRatios peers() {
        List<Double> ratios = new ArrayList<>();
        for (int k = -20; k < 20; k++) {
            ratios.add(Math.exp(3.9 + 0.02 * k));
        }
        return PeerRatios.of("instagram/micro", ratios);
    }

    @Test
    void peerSummaryIsTheMedianAndMadOfLogRatios() {
        PeerRatios p = PeerRatios.of("g", List.of(Math.exp(1), Math.exp(2), Math.exp(3), Math.exp(10), 0.0, -1.0));

        assertThat(p.peers()).isEqualTo(4);
        assertThat(p.medianLogRatio()).isCloseTo(2.5, within(1e-12));
        assertThat(p.madLogRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(PeerRatios.of("none", List.of()).peers()).isZero();
    }

    @Test
    void ratioWithinThePeersIsNotAnOutlier() {
        LikeCommentRatio r = detector.likeCommentRatio(posts(30, 500L, 10L), peers());

        assertThat(r.ratio()).isEqualTo(50.0);
        assertThat(r.likes()).isEqualTo(15_000);
        assertThat(r.comments()).isEqualTo(300);
        assertThat(r.posts()).isEqualTo(30);
        assertThat(r.robustZ())
                .isCloseTo((Math.log(50) - peers().medianLogRatio()) / (1.4826 * peers().madLogRatio()), within(1e-9));
        assertThat(r.outlier()).isFalse();
        assertThat(r.direction()).isNull();
        assertThat(r.peerGroup()).isEqualTo("instagram/micro");
        assertThat(r.postIds()).hasSize(20).startsWith("p0");
        assertThat(r.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(r.unavailableReason()).isNull();
    }

    @Test
    void farTooManyOrTooFewLikesPerCommentAreOutliersEitherWay() {
        LikeCommentRatio high = detector.likeCommentRatio(posts(30, 2000L, 2L), peers());
        LikeCommentRatio low = detector.likeCommentRatio(posts(30, 100L, 20L), peers());

        assertThat(high.direction()).isEqualTo(LikeCommentRatio.Direction.MORE_LIKES_PER_COMMENT);
        assertThat(high.robustZ()).isGreaterThanOrEqualTo(3.5);
        assertThat(low.direction()).isEqualTo(LikeCommentRatio.Direction.FEWER_LIKES_PER_COMMENT);
        assertThat(low.robustZ()).isLessThanOrEqualTo(-3.5);
    }

    @Test
    void withoutPeersTheRatioIsReportedButNotCompared() {
        LikeCommentRatio none = detector.likeCommentRatio(posts(10, 500L, 10L), null);
        LikeCommentRatio few =
                detector.likeCommentRatio(posts(10, 500L, 10L), PeerRatios.of("tiny", List.of(10.0, 20.0, 30.0)));

        assertThat(none.ratio()).isEqualTo(50.0);
        assertThat(none.robustZ()).isNull();
        assertThat(none.outlier()).isFalse();
        assertThat(none.unavailableReason()).isEqualTo("no peer group given");
        assertThat(few.robustZ()).isNull();
        assertThat(few.unavailableReason()).contains("3 peers");
    }

    @Test
    void tooLittleDataIsUnavailable() {
        assertThat(detector.likeCommentRatio(posts(4, 500L, 10L), peers()).unavailableReason())
                .contains("4 posts");
        LikeCommentRatio fewComments = detector.likeCommentRatio(posts(10, 500L, 0L), peers());
        assertThat(fewComments.ratio()).isNull();
        assertThat(fewComments.unavailableReason()).contains("0 comments");
        assertThat(fewComments.confidence()).isEqualTo(Confidence.NONE);
        assertThat(detector.likeCommentRatio(posts(10, null, 10L), peers()).unavailableReason())
                .contains("0 posts report");
        assertThat(detector.likeCommentRatio(posts(10, 0L, 10L), peers()).unavailableReason())
                .contains("no likes");
    }

    /** Property: the robust z-score equals a direct computation from the sorted peer logs. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void robustZMatchesADirectComputation(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 20 + rng.nextInt(200);
        List<Double> ratios = new ArrayList<>();
        List<Double> logs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double r = Math.exp(3 + rng.nextDouble() * 2 - 1);
            ratios.add(r);
            logs.add(Math.log(r));
        }
        Collections.sort(logs);
        double median = n % 2 == 1 ? logs.get(n / 2) : (logs.get(n / 2 - 1) + logs.get(n / 2)) / 2;
        List<Double> dev = new ArrayList<>();
        logs.forEach(l -> dev.add(Math.abs(l - median)));
        Collections.sort(dev);
        double mad = n % 2 == 1 ? dev.get(n / 2) : (dev.get(n / 2 - 1) + dev.get(n / 2)) / 2;
        long likes = 100 + rng.nextInt(5000);
        long comments = 5 + rng.nextInt(100);

        LikeCommentRatio r = detector.likeCommentRatio(posts(10, likes, comments), PeerRatios.of("g", ratios));

        double expected = (Math.log((double) likes / comments) - median) / (1.4826 * mad);
        assertThat(r.robustZ()).isCloseTo(expected, within(1e-9));
        assertThat(r.outlier()).isEqualTo(Math.abs(expected) >= 3.5);
    }
}
