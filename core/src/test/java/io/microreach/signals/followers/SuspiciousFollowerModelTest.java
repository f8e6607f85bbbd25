package io.microreach.signals.followers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuspiciousFollowerModelTest {
    static final FollowerProfile BOT = FollowerProfile.unknown()
            .withCounts(0L, 4L, 2900L)
            .withFlags(false, false, false)
            .withUsername("xkqzt83517")
            .withBioLength(0)
            .withFullNameWords(1);
    static final FollowerProfile PERSON = FollowerProfile.unknown()
            .withCounts(140L, 620L, 540L)
            .withFlags(true, true, false)
            .withUsername("lena.hofmann")
            .withBioLength(48)
            .withFullNameWords(2);

    @Test
    void shippedModelLoadsAndSeparatesTheObviousCases() {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        assertThat(m.features()).extracting(FeatureWeight::name).isEqualTo(FollowerFeatures.NAMES);
        assertThat(m.threshold()).isBetween(0.05, 0.95);
        assertThat(m.validation().specificity()).isGreaterThanOrEqualTo(0.97);
        assertThat(m.validation().sensitivity()).isGreaterThan(0.8);
        assertThat(m.trainingData()).contains("InstaFake").contains("Kaggle").contains("CC BY-NC");
        assertThat(m.probability(BOT)).isGreaterThan(0.95);
        assertThat(m.probability(PERSON)).isLessThan(0.05);
        assertThat(m.isSuspicious(BOT)).isTrue();
        assertThat(m.isSuspicious(PERSON)).isFalse();
    }

    @Test
    void unknownFeaturesContributeNothing() {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        assertThat(m.probability(FollowerProfile.unknown()))
                .isCloseTo(1 / (1 + Math.exp(-m.intercept())), within(1e-12));
        FeatureWeight followers = m.features().get(2);
        FollowerProfile onlyFollowers = FollowerProfile.unknown().withCounts(null, 99L, null);
        double z = m.intercept() + followers.weight() * (Math.log(100) - followers.center()) / followers.sd();
        assertThat(m.probability(onlyFollowers)).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-12));
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) throws IOException {
        SuspiciousFollowerModel m = SuspiciousFollowerModel.load();
        Path file = dir.resolve("model.json");
        m.save(file);
        SuspiciousFollowerModel back = SuspiciousFollowerModel.load(file);
        assertThat(back.toJson()).isEqualTo(m.toJson());
        assertThat(back.probability(PERSON)).isEqualTo(m.probability(PERSON));
        assertThat(back.trainedOn()).isEqualTo(m.trainedOn());
        assertThat(m.withThreshold(0.9).threshold()).isEqualTo(0.9);
    }

    @Test
    void foreignOrBrokenFilesAreRefused() {
        assertThatThrownBy(() -> read("{\"format\":\"something-else\"}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format");
        String json = SuspiciousFollowerModel.load().toJson();
        assertThatThrownBy(() -> read(json.replaceFirst("\"threshold\" : [0-9.]+", "\"threshold\" : \"high\"")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> read(json.replace("has_profile_picture", "has_avatar")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has_profile_picture");
    }

    private static SuspiciousFollowerModel read(String json) throws IOException {
        return SuspiciousFollowerModel.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
