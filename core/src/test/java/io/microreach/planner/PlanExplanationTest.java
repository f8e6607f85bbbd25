package io.microreach.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.audience.AudienceSketch;
import io.microreach.domain.Platform;
import io.microreach.pricing.PriceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plan in plain words: evidence minimum, unspent budget, next best additions, naive-plan comparison, warnings. */
class PlanExplanationTest {
    private static final PlanConstraints DEFAULT_EVIDENCE = PlanConstraints.NONE.withEvidence(EvidenceMinimum.DEFAULT);

    private static List<String> ids(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** A candidate with its own audience of {@code people} ids, a trust score and {@code posts} recent posts. */
    private static PlanCandidate creator(String id, int people, double cost, Double trust, int posts) {
        return new PlanCandidate(
                id,
                id,
                Platform.INSTAGRAM,
                Set.of(),
                trust,
                people,
                cost,
                new PriceRange(cost, cost, "USD", false, "rate card"),
                null,
                0.1,
                0.01,
                AudienceSketch.of(ids(id + "-", people), people),
                posts);
    }

    private static Plan plan(List<PlanCandidate> cs, double budget, PlanConstraints k) {
        return new CampaignPlanner(new LazyGreedyAllocator())
                .plan(new PlanProblem(cs, Objective.ENGAGED_REACH, k, budget, "USD", 20.0));
    }

    @Test
    void anAccountWithoutPostsOrTrustScoreIsLeftOutByDefaultAndCounted() {
        List<PlanCandidate> cs = List.of(
                creator("solid", 1000, 100, 70.0, 12),
                // The observed case: no posts and no trust score, but a big audience that would win on paper.
                creator("empty", 9000, 100, null, 0),
                creator("thin", 5000, 100, 80.0, 2));
        Plan p = plan(cs, 300, DEFAULT_EVIDENCE);
        assertThat(p.plan().creators()).extracting(PlannedCreator::id).containsExactly("solid");
        assertThat(p.explanation().excludedForEvidence()).isEqualTo(2);
        assertThat(p.explanation().evidence().describe()).isEqualTo("a trust score and at least 5 posts in 90 days");
        assertThat(p.rejected())
                .extracting(RejectedCreator::id, RejectedCreator::reason)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("empty", "too little evidence: no trust score yet"),
                        org.assertj.core.groups.Tuple.tuple(
                                "thin", "too little evidence: 2 posts in 90 days (minimum 5)"));
        assertThat(p.explanation().unspentReason())
                .isEqualTo("200 USD of 300 USD left: every qualifying creator (1) is already in the plan; 2 more"
                        + " candidates fall short of the evidence minimum (a trust score and at least 5 posts in 90"
                        + " days).");

        // The minimum is the user's to change: without it the big accounts come in.
        Plan open = plan(cs, 300, PlanConstraints.NONE);
        assertThat(open.plan().creators()).extracting(PlannedCreator::id).contains("empty", "thin");
        assertThat(open.explanation().excludedForEvidence()).isZero();
        Plan postsOnly = plan(cs, 300, PlanConstraints.NONE.withEvidence(new EvidenceMinimum(false, 1, 90)));
        assertThat(postsOnly.plan().creators())
                .extracting(PlannedCreator::id)
                .containsExactlyInAnyOrder("solid", "thin");
    }

    @Test
    void aBudgetBelowTheCheapestCreatorIsAWarningNamingItsPrice() {
        List<PlanCandidate> cs = List.of(creator("a", 1000, 54, 70.0, 10), creator("b", 2000, 120, 70.0, 10));
        Plan p = plan(cs, 10, DEFAULT_EVIDENCE);
        assertThat(p.plan().creators()).isEmpty();
        assertThat(p.explanation().warnings())
                .containsExactly("No creator fits a budget of 10 USD: the cheapest qualifying candidate costs 54 USD."
                        + " Raise the budget or add cheaper creators.");
        assertThat(p.explanation().comparisons()).isEmpty();
    }

    @Test
    void noCandidateWithEnoughEvidenceIsAWarningToo() {
        List<PlanCandidate> cs = List.of(creator("a", 1000, 54, null, 0), creator("b", 2000, 120, 70.0, 1));
        Plan p = plan(cs, 1000, DEFAULT_EVIDENCE);
        assertThat(p.plan().creators()).isEmpty();
        assertThat(p.explanation().warnings()).singleElement().asString().startsWith("No creator qualifies: all 2");
    }

    @Test
    void moneyLeftAtTheCreatorLimitSaysSoAndNamesTheNextBestAdditions() {
        List<PlanCandidate> cs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cs.add(creator("c" + i, 1000 + 100 * i, 100, 70.0, 10));
        }
        Plan p = plan(cs, 3000, DEFAULT_EVIDENCE.withMaxCreators(2));
        assertThat(p.plan().creators()).hasSize(2);
        assertThat(p.explanation().unspentReason())
                .isEqualTo("2,800 USD of 3,000 USD left: the plan has its maximum of 2 creators; raise the maximum to"
                        + " spend the rest.");
        assertThat(p.explanation().nextBest()).hasSize(3).allSatisfy(a -> {
            assertThat(a.gain()).isPositive();
            assertThat(a.cost()).isEqualTo(100);
            assertThat(a.whyNot()).isEqualTo("max creators reached (2)");
        });
        // Best first: the next largest audience adds the most (disjoint audiences, same price).
        assertThat(p.explanation().nextBest().get(0).id()).isEqualTo("c2");
        assertThat(p.explanation().nextBest().get(0).gain()).isEqualTo(120.0);
    }

    @Test
    void moneyLeftThatNoCreatorFitsNamesTheCheapestPrice() {
        List<PlanCandidate> cs = List.of(creator("small", 1000, 100, 70.0, 10), creator("big", 30000, 2400, 70.0, 10));
        Plan p = plan(cs, 2000, DEFAULT_EVIDENCE);
        assertThat(p.plan().creators()).extracting(PlannedCreator::id).containsExactly("small");
        assertThat(p.explanation().unspentReason())
                .isEqualTo("1,900 USD of 2,000 USD left: no other creator fits in it (the only other one costs"
                        + " 2,400 USD).");
    }

    @Test
    void aPlanEqualToTopFollowersSaysWhy() {
        // Everyone fits: nothing to choose between.
        List<PlanCandidate> all = List.of(creator("a", 1000, 100, 70.0, 10), creator("b", 2000, 100, 70.0, 10));
        Plan p = plan(all, 1000, DEFAULT_EVIDENCE);
        assertThat(p.explanation().comparisons())
                .contains("Same creators as the \"top followers\" plan: the budget covers every eligible creator, so"
                        + " there was nothing to choose between.");
        // Only room for one: the largest account is also the best value per dollar.
        Plan one = plan(all, 150, DEFAULT_EVIDENCE);
        assertThat(one.explanation().comparisons())
                .contains("Same creators as the \"top followers\" plan: at this budget the largest accounts were also"
                        + " the best value (the most new engaged people per USD, net of audience overlap).");
        assertThat(one.explanation().weighed()).contains("per USD").contains("a trust score and at least 5 posts");
    }

    @Test
    void aPlanBetterThanTopFollowersSaysByHowMuch() {
        // The largest account costs the whole budget; three small ones reach more together.
        List<PlanCandidate> cs = List.of(
                creator("big", 3000, 900, 70.0, 10),
                creator("s1", 1500, 300, 70.0, 10),
                creator("s2", 1500, 300, 70.0, 10),
                creator("s3", 1500, 300, 70.0, 10));
        Plan p = plan(cs, 900, DEFAULT_EVIDENCE);
        assertThat(p.plan().creators()).extracting(PlannedCreator::id).containsExactlyInAnyOrder("s1", "s2", "s3");
        assertThat(p.explanation().comparisons())
                .contains("150 more engaged people (+50%) than the \"top followers\" plan (300 for 900 USD, against"
                        + " 900 USD).");
    }

    @Test
    void theGuaranteeReadsAsOnePlainSentence() {
        List<PlanCandidate> cs = List.of(creator("a", 1000, 100, 70.0, 10), creator("b", 2000, 150, 70.0, 10));
        Plan p = plan(cs, 200, DEFAULT_EVIDENCE);
        assertThat(p.explanation().guaranteeSummary())
                .isEqualTo("This plan reaches at least 63% of the best possible unique engaged reach for this budget;"
                        + " in practice usually far closer.");
        assertThat(p.guarantee()).contains("Sviridenko 2004");
        Plan capped = plan(cs, 200, DEFAULT_EVIDENCE.withMaxCreators(1));
        assertThat(capped.explanation().guaranteeSummary()).startsWith("No bound is proven with creator limits");
    }

    @Test
    void aCreatorWithoutAudienceDataIsChosenWithItsOverlapMarkedUnknown() {
        PlanCandidate blind = new PlanCandidate(
                "blind",
                "blind",
                Platform.INSTAGRAM,
                Set.of(),
                70.0,
                9000,
                100,
                new PriceRange(100, 100, "USD", false, "rate card"),
                null,
                0.1,
                0.01,
                AudienceSketch.of(List.of(), 9000),
                10);
        Plan p = plan(List.of(blind, creator("a", 1000, 100, 70.0, 10)), 200, DEFAULT_EVIDENCE);
        assertThat(p.plan().creators()).extracting(PlannedCreator::id).containsExactlyInAnyOrder("blind", "a");
        assertThat(p.explanation().unknownOverlap()).containsExactly("blind");
        assertThat(p.plan().creators())
                .filteredOn(c -> c.id().equals("blind"))
                .singleElement()
                .satisfies(c -> assertThat(c.audienceKnown()).isFalse());
        // No NaN anywhere: its 9,000 people count as not shared.
        assertThat(p.objectiveValue()).isCloseTo(900 + 100, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aMustIncludeBelowTheEvidenceMinimumIsRefusedNamingTheReason() {
        List<PlanCandidate> cs = List.of(creator("a", 1000, 100, null, 0), creator("b", 1000, 100, 70.0, 10));
        PlanConstraints k =
                new PlanConstraints(0, 10, 1, Map.of(), Map.of(), null, Set.of(), Set.of("a"), EvidenceMinimum.DEFAULT);
        assertThatThrownBy(() -> plan(cs, 500, k))
                .isInstanceOf(PlanningException.class)
                .hasMessage("constraints.mustInclude: a cannot be included: too little evidence: no trust score yet");
    }

    @Test
    void evidenceMinimumRefusesNegativeFigures() {
        assertThatThrownBy(() -> new EvidenceMinimum(true, -1, 90)).hasMessageStartingWith("constraints.minEvidence");
        assertThatThrownBy(() -> new EvidenceMinimum(true, 5, 0)).hasMessageStartingWith("constraints.minEvidence");
        assertThat(EvidenceMinimum.NONE.describe()).isEqualTo("none");
    }

    static Stream<Long> seeds() {
        return LongStream.range(1, 41).boxed();
    }

    /** On random instances: a success has creators, an empty plan always warns, and unspent money is explained. */
    @ParameterizedTest
    @MethodSource("seeds")
    void everyPlanIsEitherAWarningOrAnExplainedSuccess(long seed) {
        Random r = new Random(seed);
        List<PlanCandidate> cs = new ArrayList<>();
        for (PlanCandidate c : Instances.random(seed, 4 + r.nextInt(10))) {
            boolean noTrust = r.nextInt(5) == 0;
            cs.add(new PlanCandidate(
                    c.id(),
                    c.handle(),
                    c.platform(),
                    c.niches(),
                    noTrust ? null : c.trustScore(),
                    c.followers(),
                    c.cost(),
                    c.price(),
                    c.forecast(),
                    c.engagementProbability(),
                    c.conversionProbability(),
                    c.audience(),
                    r.nextInt(12)));
        }
        double budget = 20 + r.nextInt(2000);
        PlanConstraints k = DEFAULT_EVIDENCE.withMaxCreators(1 + r.nextInt(6));
        Plan p = plan(cs, budget, k);
        PlanExplanation x = p.explanation();
        assertThat(x.warnings().isEmpty()).isEqualTo(!p.plan().creators().isEmpty());
        assertThat(x.unspent()).isCloseTo(budget - p.plan().totalCost(), org.assertj.core.data.Offset.offset(1e-6));
        if (!p.plan().creators().isEmpty() && x.unspent() > 0.01 * budget) {
            assertThat(x.unspentReason()).isNotBlank().doesNotContain("NaN");
        }
        long lacking = cs.stream()
                .filter(c -> c.trustScore() == null || c.recentPosts() < 5)
                .count();
        assertThat(x.excludedForEvidence()).isEqualTo((int) lacking);
        assertThat(p.plan().creators())
                .allSatisfy(c -> assertThat(c.trustScore() != null && c.recentPosts() >= 5)
                        .isTrue());
        assertThat(x.nextBest()).allSatisfy(a -> assertThat(a.gain()).isPositive());
        if (!p.plan().creators().isEmpty()) {
            assertThat(x.comparisons()).hasSize(p.alternatives().size());
        }
    }
}
