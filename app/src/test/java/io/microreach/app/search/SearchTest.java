package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.domain.Platform;
import io.microreach.niches.TextEmbedder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest extends SpringAppTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final HashingEmbedder embedder = new HashingEmbedder();

    @Autowired
    SearchIndex index;

    @Autowired
    ObjectProvider<TextEmbedder> contextEmbedders;

    SearchService search;
    SearchFixture fixture;
    SearchFixture.Acc zebra;
    SearchFixture.Acc runner;
    SearchFixture.Acc dutchRunner;
    SearchFixture.Acc baker;
    SearchFixture.Acc serum;
    SearchFixture.Acc serumTwin;
    SearchFixture.Acc quillTrusted;
    SearchFixture.Acc quillUnscored;
    SearchFixture.Acc quillDoubted;
    SearchFixture.Acc inkFull;
    SearchFixture.Acc inkPartial;

    @BeforeAll
    void data() {
        emptyPublicTables();
        fixture = SearchFixture.insert(jdbc, embedder, 80, 42);
        zebra = plant("zebra", "en", "my pet zebracorn loves carrots");
        runner = plant("runner", "en", "she runs every morning along the river");
        dutchRunner = plant("dutchrunner", "nl", "zij runs elke ochtend");
        baker = plant("baker", "de", "meine liebsten Rezepte aus Omas Küche");
        serum = plant("serum", "en", "organic skincare serum for sensitive skin");
        serumTwin = plant("serumtwin", "en", "organic skincare serum for sensitive skin and dry lips");
        quillTrusted = plant("quilla", "en", "fountain pen calligraphy nibs", 95.0);
        quillUnscored = plant("quillb", "en", "fountain pen calligraphy nibs", null);
        quillDoubted = plant("quillc", "en", "fountain pen calligraphy nibs", 5.0);
        inkFull = plant("inkwella", "en", "sumi ink brush lettering", 90.0);
        inkPartial = plant("inkwellb", "en", "sumi ink brush lettering", 99.0);
        jdbc.update(
                "UPDATE account_score SET scorecard = jsonb_set(scorecard, '{trustCoveredWeight}', '0.3')"
                        + " WHERE account_id = ?",
                inkPartial.id());
        index.rebuild(IndexProgress.NONE);
        search = new SearchService(index, SearchSettings.DEFAULT, () -> Optional.of(embedder), () -> false);
    }

    private SearchFixture.Acc plant(String handle, String language, String text) {
        return plant(handle, language, text, 50.0);
    }

    private SearchFixture.Acc plant(String handle, String language, String text, Double trust) {
        return fixture.add(
                jdbc,
                embedder,
                "instagram",
                handle,
                12_000,
                true,
                trust,
                0.03,
                50.0,
                0.1,
                0.2,
                "DE",
                language,
                false,
                Map.of(),
                text);
    }

    private SearchResult all(SearchFilters filters, SearchSort sort) {
        return search.search(new SearchRequest(null, null, filters, sort, null, 0, 500, true));
    }

    private static List<Long> ids(SearchResult r) {
        return r.hits().stream().map(SearchHit::accountId).toList();
    }

    @Test
    void indexRoundTripKeepsEveryAccountAndItsFields() {
        SearchResult r = all(SearchFilters.NONE, SearchSort.FOLLOWERS);
        assertThat(r.total()).isEqualTo(fixture.accounts.size());
        Map<Long, SearchHit> byId = new HashMap<>();
        r.hits().forEach(h -> byId.put(h.accountId(), h));
        for (SearchFixture.Acc a : fixture.accounts) {
            SearchHit h = byId.get(a.id());
            assertThat(h.handle()).isEqualTo(a.handle());
            assertThat(h.platform()).isEqualTo(a.platform());
            assertThat(h.displayName()).isEqualTo(a.displayName());
            assertThat(h.followers()).isEqualTo(a.followers());
            assertThat(h.tier()).isEqualTo(a.tier());
            assertThat(h.trustScore()).isEqualTo(a.trust());
            assertThat(h.engagementRate()).isEqualTo(a.er());
            assertThat(h.country()).isEqualTo(a.country());
            assertThat(h.language()).isEqualTo(a.language());
            assertThat(h.hasContact()).isEqualTo(a.contact());
            Map<String, Double> niches = new HashMap<>();
            h.niches().forEach(n -> niches.put(n.niche(), n.confidence()));
            assertThat(niches).isEqualTo(a.niches());
        }
    }

    /** Random filter combinations from fixed seeds, each checked against a filter of the fixture in plain Java. */
    Stream<Arguments> filterCases() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Map.of("platform", "tiktok")));
        cases.add(Arguments.of(Map.of("platform", "instagram,youtube")));
        cases.add(Arguments.of(Map.of("tier", "micro")));
        cases.add(Arguments.of(Map.of("followers_min", "20000", "followers_max", "90000")));
        cases.add(Arguments.of(Map.of("er_min", "0.02", "er_max", "0.06")));
        cases.add(Arguments.of(Map.of("er_percentile_min", "40", "er_percentile_max", "80")));
        cases.add(Arguments.of(Map.of("trust_min", "60")));
        cases.add(Arguments.of(Map.of("suspicious_max", "0.2")));
        cases.add(Arguments.of(Map.of("reply_rate_min", "0.3")));
        cases.add(Arguments.of(Map.of("niche", "gaming")));
        cases.add(Arguments.of(Map.of("niche", "travel,fitness", "niche_confidence_min", "0.7")));
        cases.add(Arguments.of(Map.of("country", "de,fr")));
        cases.add(Arguments.of(Map.of("language", "en")));
        cases.add(Arguments.of(Map.of("has_contact", "true")));
        cases.add(Arguments.of(Map.of("has_contact", "false")));
        cases.add(Arguments.of(Map.of("text", "acc1")));
        Random r = new Random(7);
        String[] keys = {"platform", "tier", "followers_min", "trust_min", "suspicious_max", "niche", "country"};
        for (int i = 0; i < 25; i++) {
            Map<String, String> f = new LinkedHashMap<>();
            for (String key : keys) {
                if (r.nextDouble() < 0.35) {
                    f.put(
                            key,
                            switch (key) {
                                case "platform" -> SearchFixture.PLATFORMS.get(r.nextInt(5));
                                case "tier" -> List.of("nano", "micro", "mid").get(r.nextInt(3));
                                case "followers_min" -> Integer.toString(r.nextInt(150_000));
                                case "trust_min" -> Integer.toString(r.nextInt(100));
                                case "suspicious_max" -> Double.toString(r.nextDouble() * 0.5);
                                case "niche" -> SearchFixture.NICHES.get(r.nextInt(5));
                                default -> List.of("DE", "US", "FR").get(r.nextInt(3));
                            });
                }
            }
            cases.add(Arguments.of(f));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("filterCases")
    void filtersMatchExactlyTheAccountsAReferenceFilterKeeps(Map<String, String> filters) {
        SearchResult r = all(SearchParameters.parse(filters), SearchSort.FOLLOWERS);
        List<Long> expected = fixture.accounts.stream()
                .filter(reference(filters))
                .sorted(Comparator.comparingLong(SearchFixture.Acc::followers)
                        .reversed()
                        .thenComparingLong(SearchFixture.Acc::id))
                .map(SearchFixture.Acc::id)
                .toList();
        assertThat(ids(r)).as(filters.toString()).isEqualTo(expected);
        assertThat(r.total()).isEqualTo(expected.size());
    }

    private static Predicate<SearchFixture.Acc> reference(Map<String, String> f) {
        Predicate<SearchFixture.Acc> p = a -> true;
        for (var e : f.entrySet()) {
            String v = e.getValue();
            p = p.and(
                    switch (e.getKey()) {
                        case "platform" -> a -> List.of(v.split(",")).contains(a.platform());
                        case "tier" -> a -> a.tier().equals(v);
                        case "followers_min" -> a -> a.followers() >= Long.parseLong(v);
                        case "followers_max" -> a -> a.followers() <= Long.parseLong(v);
                        case "er_min" -> a -> a.er() != null && a.er() >= Double.parseDouble(v);
                        case "er_max" -> a -> a.er() != null && a.er() <= Double.parseDouble(v);
                        case "er_percentile_min" -> a -> a.erPct() != null && a.erPct() >= Double.parseDouble(v);
                        case "er_percentile_max" -> a -> a.erPct() != null && a.erPct() <= Double.parseDouble(v);
                        case "trust_min" -> a -> a.trust() != null && a.trust() >= Double.parseDouble(v);
                        case "suspicious_max" -> a -> a.suspicious() != null && a.suspicious() <= Double.parseDouble(v);
                        case "reply_rate_min" -> a -> a.reply() != null && a.reply() >= Double.parseDouble(v);
                        case "niche" ->
                            a -> {
                                double min = Double.parseDouble(f.getOrDefault("niche_confidence_min", "0.3"));
                                return List.of(v.split(",")).stream()
                                        .anyMatch(n -> a.niches().getOrDefault(n, -1.0) >= min);
                            };
                        case "niche_confidence_min" -> a -> true;
                        case "country" ->
                            a -> a.country() != null
                                    && List.of(v.toUpperCase().split(",")).contains(a.country());
                        case "language" -> a -> v.equals(a.language());
                        case "has_contact" -> a -> a.contact() == Boolean.parseBoolean(v);
                        case "text" ->
                            a -> a.handle().contains(v)
                                    || a.displayName().toLowerCase().contains(v);
                        default -> throw new IllegalArgumentException(e.getKey());
                    });
        }
        return p;
    }

    @Test
    void keywordsFindTheOnlyAccountThatUsesAWordAndSayWhichTermsMatched() {
        SearchResult r = search.search(SearchRequest.of("zebracorn", null, SearchFilters.NONE, 10));
        assertThat(ids(r)).containsExactly(zebra.id());
        RankExplanation why = r.hits().get(0).explanation();
        assertThat(why.matchedTerms()).containsExactly("zebracorn");
        assertThat(why.bm25()).isPositive();
        // The keyword term is BM25 over the query's ceiling: the idf of the one word in the field where it is rarest
        // relative to the field's size (the unstemmed field holds every account), computed here by the documented
        // formula log(1 + (N - df + 0.5) / (df + 0.5)) with df = 1.
        long n = index.withSearcher(
                s -> s.searcher().collectionStatistics(IndexFields.TEXT).docCount());
        double ceiling = (float) Math.log(1 + (n - 1 + 0.5) / 1.5);
        assertThat(why.keywordContribution()).isCloseTo(why.bm25() / ceiling, within(1e-9));
        assertThat(why.keywordContribution()).isBetween(0.2, 1.0); // one occurrence in a short text: about half
        assertThat(why.trustContribution()).isCloseTo(0.3 * 50 / 100, within(1e-9));
        // zebra has 12,000 followers: the micro-tier boost is part of the score.
        assertThat(why.boosts()).containsExactly("micro creator");
        assertThat(why.boostContribution()).isEqualTo(HybridScore.MICRO);
        assertThat(r.hits().get(0).score())
                .isCloseTo(why.keywordContribution() + 0.15 + HybridScore.MICRO, within(1e-9));
        assertThat(r.totalRelation()).isEqualTo(SearchResult.EXACT);
    }

    @Test
    void keywordTermNeverReachesItsWeight() {
        Random random = new Random(3);
        String[] words = {"serum", "skincare", "gym", "workout", "stream", "island", "runs", "organic", "protein"};
        for (int i = 0; i < 30; i++) {
            String q = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
            for (SearchHit h : search.search(SearchRequest.of(q, null, SearchFilters.NONE, 50))
                    .hits()) {
                assertThat(h.explanation().keywordContribution())
                        .as(q)
                        .isPositive()
                        .isLessThan(1.0);
            }
        }
    }

    @Test
    void totalsAreExactUpToTheThresholdAndALowerBoundAbove() {
        SearchResult exact = search.search(SearchRequest.of("skincare gym", null, SearchFilters.NONE, 500));
        long matches = exact.hits().size();
        assertThat(exact.total()).isEqualTo(matches);
        assertThat(matches).isGreaterThan(4);
        SearchService small = new SearchService(
                index, SearchSettings.DEFAULT.withTotalThreshold(3), () -> Optional.of(embedder), () -> false);
        // Keywords: "3+" and the same first page as with exact counting.
        SearchResult atLeast = small.search(SearchRequest.of("skincare gym", null, SearchFilters.NONE, 2));
        assertThat(atLeast.total()).isEqualTo(3);
        assertThat(atLeast.totalRelation()).isEqualTo(SearchResult.AT_LEAST);
        assertThat(atLeast.totalText()).isEqualTo("3+");
        assertThat(ids(atLeast)).isEqualTo(ids(exact).subList(0, 2));
        // Deeper pages past the threshold still come in the same order, with the same explanations.
        for (int offset = 0; offset < matches; offset += 4) {
            SearchResult page = small.search(new SearchRequest(
                    "skincare gym", null, SearchFilters.NONE, SearchSort.RELEVANCE, null, offset, 4, false));
            assertThat(page.hits()).isEqualTo(exact.hits().subList(offset, (int) Math.min(offset + 4, matches)));
        }
        // Brief: every account with an embedding matches, so the count stops at the threshold.
        SearchResult brief = small.search(SearchRequest.of(null, "organic skincare", SearchFilters.NONE, 5));
        assertThat(brief.total()).isEqualTo(3);
        assertThat(brief.totalRelation()).isEqualTo(SearchResult.AT_LEAST);
        // Filters alone count exactly (the creators list pages by it).
        SearchResult filters = small.search(SearchRequest.of(null, null, SearchFilters.NONE, 5));
        assertThat(filters.total()).isEqualTo(fixture.accounts.size());
        assertThat(filters.totalRelation()).isEqualTo(SearchResult.EXACT);
        // One match under the threshold is exact.
        SearchResult one = small.search(SearchRequest.of("zebracorn", null, SearchFilters.NONE, 5));
        assertThat(one.total()).isEqualTo(1);
        assertThat(one.totalText()).isEqualTo("1");
    }

    @Test
    void stemmingFollowsTheAccountLanguage() {
        // "running" and "runs" share the English stem; the Dutch account is only in the unstemmed field.
        assertThat(ids(search.search(SearchRequest.of("running", null, SearchFilters.NONE, 10))))
                .containsExactly(runner.id());
        assertThat(ids(search.search(SearchRequest.of("runs", null, SearchFilters.NONE, 10))))
                .containsExactlyInAnyOrder(runner.id(), dutchRunner.id());
        SearchResult german = search.search(SearchRequest.of("Rezept", null, SearchFilters.NONE, 10));
        assertThat(ids(german)).containsExactly(baker.id());
        assertThat(german.hits().get(0).explanation().matchedTerms()).containsExactly("Rezept");
    }

    @Test
    void aBriefRanksTheAccountsWithTheSameContentFirst() {
        SearchResult r = search.search(
                SearchRequest.of(null, "organic skincare serum for sensitive skin", SearchFilters.NONE, 5));
        assertThat(ids(r).subList(0, 2)).containsExactly(serum.id(), serumTwin.id());
        assertThat(r.hits().get(0).explanation().semanticSimilarity()).isGreaterThan(0.8);
        // Only accounts closer to the brief than the pool's average account match, not every account with an
        // embedding (issue 17: a brief used to match "1,000+").
        assertThat(r.total()).isGreaterThanOrEqualTo(2).isLessThan(fixture.accounts.size());
        // Keywords and brief together: the keyword term lifts the twin that mentions "lips".
        SearchResult hybrid = search.search(
                SearchRequest.of("lips", "organic skincare serum for sensitive skin", SearchFilters.NONE, 5));
        assertThat(ids(hybrid).get(0)).isEqualTo(serumTwin.id());
        assertThat(hybrid.hits().get(0).explanation().matchedTerms()).containsExactly("lips");
    }

    @Test
    void everyScoreIsTheSumOfItsContributionsAndResultsAreOrderedByIt() {
        SearchFilters fitness =
                SearchFilters.builder().niches(List.of("fitness"), null).build();
        for (SearchRequest req : List.of(
                SearchRequest.of("workout serum", null, SearchFilters.NONE, 50),
                SearchRequest.of(null, "gym protein workout", fitness, 50),
                SearchRequest.of("stream", "island flights", SearchFilters.NONE, 50),
                SearchRequest.of(null, null, fitness, 50))) {
            SearchResult r = search.search(req);
            assertThat(r.hits()).isNotEmpty();
            for (int i = 0; i < r.hits().size(); i++) {
                SearchHit h = r.hits().get(i);
                RankExplanation e = h.explanation();
                assertThat(h.score())
                        .isCloseTo(
                                e.keywordContribution()
                                        + e.semanticContribution()
                                        + e.nicheContribution()
                                        + e.trustContribution()
                                        + e.boostContribution(),
                                within(1e-6));
                if (i > 0) {
                    SearchHit prev = r.hits().get(i - 1);
                    assertThat(prev.score()).isGreaterThanOrEqualTo(h.score() - 1e-6);
                }
            }
        }
    }

    @Test
    void filtersOnlyRelevanceIsNicheMatchPlusTrustExactly() {
        double neutral = medianTrust();
        SearchResult r = search.search(new SearchRequest(
                null,
                null,
                SearchFilters.builder()
                        .niches(List.of("fitness", "gaming"), 0.2)
                        .build(),
                SearchSort.RELEVANCE,
                null,
                0,
                500,
                false));
        List<Long> expected = fixture.accounts.stream()
                .filter(a -> a.niches().getOrDefault("fitness", 0.0) >= 0.2
                        || a.niches().getOrDefault("gaming", 0.0) >= 0.2)
                .sorted(Comparator.comparingDouble((SearchFixture.Acc a) -> -(0.5
                                        * Math.max(
                                                a.niches().getOrDefault("fitness", 0.0),
                                                a.niches().getOrDefault("gaming", 0.0))
                                + 0.3 * (a.trust() == null ? neutral : a.trust()) / 100))
                        .thenComparingLong(SearchFixture.Acc::id))
                .map(SearchFixture.Acc::id)
                .toList();
        // Lucene scores in float: compare orders only where reference scores differ by more than float noise.
        assertThat(ids(r)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.hits().get(0).accountId()).isEqualTo(expected.get(0));
        assertThat(r.hits().get(0).explanation().matchedNiche()).isIn("fitness", "gaming");
    }

    /** The median trust of the scored fixture accounts: what a missing trust score is ranked as. */
    private double medianTrust() {
        double[] t = fixture.accounts.stream()
                .filter(a -> a.trust() != null)
                .mapToDouble(SearchFixture.Acc::trust)
                .sorted()
                .toArray();
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    }

    @Test
    void aMissingTrustScoreRanksAsThePoolMedianAndIsShownAsMissing() {
        double neutral = medianTrust();
        assertThat(neutral).isBetween(20.0, 80.0);
        // Same word count and content, so the same similarity to the brief; only the trust differs.
        String brief = "fountain pen calligraphy nibs";
        SearchResult r = search.search(SearchRequest.of(null, brief, SearchFilters.NONE, 10));
        List<Long> order = ids(r);
        assertThat(order.subList(0, 3)).containsExactly(quillTrusted.id(), quillUnscored.id(), quillDoubted.id());
        RankExplanation missing = r.hits().get(1).explanation();
        assertThat(r.hits().get(1).trustScore()).isNull();
        assertThat(missing.trustScore()).isNull();
        assertThat(missing.trustMissing()).isTrue();
        assertThat(missing.trustAssumed()).isEqualTo(neutral);
        assertThat(missing.trustContribution()).isCloseTo(0.3 * neutral / 100, within(1e-9));
        assertThat(missing.summary()).contains("trust missing");
        assertThat(r.hits().get(0).explanation().trustMissing()).isFalse();
        assertThat(r.hits().get(0).explanation().trustAssumed()).isNull();
        // The same order from the keyword ranker (Lucene scores the static part from doc values).
        SearchResult kw = search.search(SearchRequest.of("calligraphy", null, SearchFilters.NONE, 10));
        assertThat(ids(kw)).containsExactly(quillTrusted.id(), quillUnscored.id(), quillDoubted.id());
        assertThat(kw.hits().get(1).explanation().trustContribution()).isCloseTo(0.3 * neutral / 100, within(1e-9));
    }

    @Test
    void aTrustScoreFromPartialDataRanksWithItsUnmeasuredShareAtTheNeutralValue() {
        double neutral = medianTrust();
        // Same content; one scored 90 on full data, the other 99 from 30% of the trust weight (planted in data()).
        SearchFixture.Acc full = inkFull;
        SearchFixture.Acc partial = inkPartial;
        {
            double ranked = 0.3 * 99 + 0.7 * neutral;
            assertThat(ranked).isLessThan(90);
            for (SearchRequest request : List.of(
                    SearchRequest.of("sumi", null, SearchFilters.NONE, 10),
                    SearchRequest.of(null, "sumi ink brush lettering", SearchFilters.NONE, 10))) {
                SearchResult r = search.search(request);
                assertThat(ids(r).subList(0, 2)).as(request.toString()).containsExactly(full.id(), partial.id());
                RankExplanation why = r.hits().get(1).explanation();
                assertThat(why.trustScore()).isEqualTo(99.0);
                assertThat(why.trustCoverage()).isEqualTo(0.3);
                assertThat(why.trustContribution()).isCloseTo(0.3 * ranked / 100, within(1e-9));
                assertThat(why.summary()).contains("30% of its weight measured");
                assertThat(r.hits().get(0).explanation().trustCoverage()).isNull();
            }
        }
    }

    @Test
    void aReliabilityFactorMultipliesTheScoreInBothRankersAndIsExplained() {
        // The best-trusted of three equal accounts ghosted half its deliverables: factor 0.5 (weight 1).
        SearchService withRecord = new SearchService(
                index,
                SearchSettings.DEFAULT,
                () -> Optional.of(embedder),
                () -> false,
                () -> Map.of(quillTrusted.id(), 0.5));
        for (SearchRequest request : List.of(
                SearchRequest.of("calligraphy", null, SearchFilters.NONE, 10),
                SearchRequest.of(null, "fountain pen calligraphy nibs", SearchFilters.NONE, 10))) {
            SearchResult before = search.search(request);
            SearchResult after = withRecord.search(request);
            assertThat(ids(before).get(0)).as(request.toString()).isEqualTo(quillTrusted.id());
            assertThat(ids(after).subList(0, 3))
                    .as(request.toString())
                    .containsExactly(quillUnscored.id(), quillDoubted.id(), quillTrusted.id());
            SearchHit was = before.hits().get(0);
            SearchHit is = after.hits().stream()
                    .filter(h -> h.accountId() == quillTrusted.id())
                    .findFirst()
                    .orElseThrow();
            assertThat(is.explanation().reliabilityFactor()).isEqualTo(0.5);
            assertThat(is.score()).isCloseTo(was.score() * 0.5, within(1e-9));
            assertThat(is.explanation().summary()).contains("× reliability 0.50");
            assertThat(after.hits().get(0).explanation().reliabilityFactor()).isEqualTo(1.0);
        }
    }

    @Test
    void pagingIsStableAndMissingMetricsSortLast() {
        for (SearchSort sort :
                List.of(SearchSort.FOLLOWERS, SearchSort.TRUST, SearchSort.HANDLE, SearchSort.RELEVANCE)) {
            SearchRequest whole =
                    new SearchRequest("skincare gym", null, SearchFilters.NONE, sort, null, 0, 500, false);
            List<Long> expected = ids(search.search(whole));
            List<Long> paged = new ArrayList<>();
            for (int offset = 0; offset < expected.size(); offset += 7) {
                paged.addAll(ids(search.search(whole.page(offset, 7))));
            }
            assertThat(paged).as(sort.id()).isEqualTo(expected);
        }
        List<SearchHit> byTrust = all(SearchFilters.NONE, SearchSort.TRUST).hits();
        int firstUnscored = 0;
        while (byTrust.get(firstUnscored).trustScore() != null) {
            firstUnscored++;
        }
        assertThat(byTrust.subList(firstUnscored, byTrust.size())).allMatch(h -> h.trustScore() == null);
        assertThat(byTrust.subList(0, firstUnscored))
                .isSortedAccordingTo(
                        Comparator.comparingDouble(SearchHit::trustScore).reversed());
    }

    @Test
    void facetsEqualSqlCountsOverTheSameMatches() {
        SearchResult r = all(SearchParameters.parse(Map.of("trust_min", "30")), SearchSort.FOLLOWERS);
        Map<String, Long> niche = counts(r.facets().niche());
        Map<String, Long> sqlNiche = new HashMap<>();
        jdbc.query(
                "SELECT n.niche_id, count(*) FROM account_niche n JOIN account_score s ON s.account_id = n.account_id"
                        + " WHERE s.trust_score >= 30 AND n.confidence >= 0.3 GROUP BY n.niche_id",
                rs -> {
                    sqlNiche.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(niche).isEqualTo(sqlNiche);
        Map<String, Long> sqlPlatform = new HashMap<>();
        jdbc.query(
                "SELECT a.platform, count(*) FROM account a JOIN account_score s ON s.account_id = a.id"
                        + " WHERE s.trust_score >= 30 GROUP BY a.platform",
                rs -> {
                    sqlPlatform.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(counts(r.facets().platform())).isEqualTo(sqlPlatform);
        Map<String, Long> sqlCountry = new HashMap<>();
        jdbc.query(
                "SELECT a.country, count(*) FROM account a JOIN account_score s ON s.account_id = a.id"
                        + " WHERE s.trust_score >= 30 AND a.country IS NOT NULL GROUP BY a.country",
                rs -> {
                    sqlCountry.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(counts(r.facets().country())).isEqualTo(sqlCountry);
        Map<String, Long> sqlTier = new HashMap<>();
        jdbc.query("SELECT s.tier, count(*) FROM account_score s WHERE s.trust_score >= 30 GROUP BY s.tier", rs -> {
            sqlTier.put(rs.getString(1), rs.getLong(2));
        });
        assertThat(counts(r.facets().tier())).isEqualTo(sqlTier);
        assertThat(r.facets().platform().stream()
                        .mapToLong(SearchResult.FacetCount::count)
                        .sum())
                .isEqualTo(r.total());
    }

    private static Map<String, Long> counts(List<SearchResult.FacetCount> facet) {
        Map<String, Long> m = new HashMap<>();
        facet.forEach(c -> m.put(c.value(), c.count()));
        return m;
    }

    @Test
    void contradictoryRangesGiveAnEmptyResultWithTheReason() {
        SearchResult r = all(
                SearchParameters.parse(
                        Map.of("followers_min", "5000", "followers_max", "100", "er_min", "0.1", "er_max", "0.01")),
                SearchSort.RELEVANCE);
        assertThat(r.total()).isZero();
        assertThat(r.hits()).isEmpty();
        assertThat(r.emptyReason())
                .contains("followers_min 5000 > followers_max 100")
                .contains("er_min 0.1 > er_max 0.01");
    }

    @Test
    void emptyQueryWithoutFiltersListsEverythingByTrust() {
        SearchResult r = all(SearchFilters.NONE, SearchSort.RELEVANCE);
        assertThat(r.total()).isEqualTo(fixture.accounts.size());
        // The best score from full data (inkPartial's 99 comes from 30% of the weight and ranks lower).
        assertThat(r.hits().get(0).trustScore())
                .isEqualTo(fixture.accounts.stream()
                        .filter(a -> a.trust() != null && a.id() != inkPartial.id())
                        .mapToDouble(SearchFixture.Acc::trust)
                        .max()
                        .orElseThrow());
    }

    @Test
    void lookalikesAreTheMostSimilarContentWithoutTheSeed() {
        SearchService.Lookalikes like = search.lookalikes(Platform.INSTAGRAM, "serum", SearchFilters.NONE, 3);
        assertThat(like.seedAccountId()).isEqualTo(serum.id());
        assertThat(like.hits()).extracting(SearchHit::accountId).doesNotContain(serum.id());
        assertThat(like.hits().get(0).accountId()).isEqualTo(serumTwin.id());
        assertThat(like.hits().get(0).explanation().semanticSimilarity()).isGreaterThan(0.7);
        assertThatThrownBy(() -> search.lookalikes(Platform.TIKTOK, "nobody", SearchFilters.NONE, 3))
                .isInstanceOf(SearchService.AccountNotFound.class);
    }

    @Test
    void malformedParametersNameTheField() {
        assertThatThrownBy(() -> SearchParameters.parse(Map.of("followers_min", "many")))
                .isInstanceOf(InvalidSearchParameter.class)
                .extracting(e -> ((InvalidSearchParameter) e).parameter())
                .isEqualTo("followers_min");
        assertThatThrownBy(() -> SearchParameters.parse(Map.of("trust_min", "120")))
                .hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> SearchParameters.parse(Map.of("platform", "myspace")))
                .hasMessageContaining("myspace");
        assertThatThrownBy(() -> SearchParameters.parseAssignments(List.of("tier")))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> search.search(
                        SearchRequest.of(null, null, SearchParameters.parse(Map.of("price_max", "100")), 5)))
                .hasMessageContaining("price estimates are unavailable");
        SearchService noEmbedder = new SearchService(index, SearchSettings.DEFAULT, Optional::empty, () -> false);
        assertThatThrownBy(() -> noEmbedder.search(SearchRequest.of(null, "a brief", SearchFilters.NONE, 5)))
                .isInstanceOf(InvalidSearchParameter.class)
                .hasMessageContaining("semantic search is unavailable");
    }

    @Test
    void restSearchAnswersJsonAndNamesBadParameters() throws Exception {
        HttpResponse<String> ok = get("/api/search?query=zebracorn&trust_min=10");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(ok.body());
        assertThat(json.get("total").asLong()).isEqualTo(1);
        assertThat(json.get("hits").get(0).get("handle").asText()).isEqualTo("zebra");
        assertThat(json.get("hits")
                        .get(0)
                        .get("explanation")
                        .get("matchedTerms")
                        .get(0)
                        .asText())
                .isEqualTo("zebracorn");
        assertThat(json.get("formula").asText()).contains("BM25");

        assertProblem(get("/api/search?followers_min=abc"), 400, "followers_min");
        assertProblem(get("/api/search?sort=sideways"), 400, "sort");
        assertProblem(get("/api/search?limit=0"), 400, "limit");
        assertProblem(get("/api/search?colour=red"), 400, "colour");
        assertProblem(get("/api/search?has_contact=maybe"), 400, "has_contact");
        assertProblem(get("/api/accounts/myspace/x/lookalikes"), 400, "platform");
        assertProblem(get("/api/accounts/tiktok/nobody/lookalikes"), 404, "nobody");
        HttpResponse<String> contradiction = get("/api/search?followers_min=10&followers_max=1");
        assertThat(contradiction.statusCode()).isEqualTo(200);
        assertThat(contradiction.body()).contains("followers_min 10 > followers_max 1");

        HttpResponse<String> brief = get("/api/search?brief=organic%20skincare");
        if (contextEmbedders.getIfUnique() == null) {
            assertProblem(brief, 400, "semantic search is unavailable");
        } else {
            assertThat(brief.statusCode()).isIn(200, 400);
        }
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.body()).contains("/api/search").contains("/lookalikes");
    }

    /** Over 1,024 values (Lucene's clause limit) in one filter, through every entry point: a 400 naming it. */
    @Test
    void moreThan1024TermsAreA400NamingTheParameterNeverA500() throws Exception {
        StringBuilder niches = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            niches.append(i == 0 ? "" : ",").append("n").append(i);
        }
        String words = "fitness ".repeat(1100).strip();
        assertProblem(get("/api/search?niche=" + niches), 400, "niche");
        assertProblem(
                get("/api/search?brief_ignore=" + niches.toString().replace("n", "niche:n")), 400, "brief_ignore");
        assertProblem(get("/discover?niche=" + niches), 400, "niche");
        assertProblem(
                get("/api/accounts/" + serum.platform() + "/" + serum.handle() + "/lookalikes?niche=" + niches),
                400,
                "niche");
        assertProblem(get("/api/search?query=" + words.replace(' ', '+')), 400, "query");
        assertProblem(get("/api/search?brief=" + words.replace(' ', '+')), 400, "brief");
        assertProblem(get("/discover?query=" + words.replace(' ', '+')), 400, "query");
        assertThatThrownBy(() -> SearchParameters.parseAssignments(java.util.List.of("niche=" + niches)))
                .isInstanceOf(InvalidSearchParameter.class)
                .hasMessageContaining("at most");
        HttpResponse<String> plan = http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + "/api/plans"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"budget\": 1000, \"niches\": [\""
                                + niches.toString().replace(",", "\",\"") + "\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(plan, 400, "niches");
    }

    private void assertProblem(HttpResponse<String> response, int status, String named) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(named).doesNotContain("Exception");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
