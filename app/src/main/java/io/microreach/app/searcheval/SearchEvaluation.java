package io.microreach.app.searcheval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.search.SearchHit;
import io.microreach.app.search.SearchParameters;
import io.microreach.app.search.SearchRequest;
import io.microreach.app.search.SearchService;
import io.microreach.evaluation.RankingMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a judged query set ({@code microreach eval search}). The file is JSON lines: first the corpora
 * ({@code {"corpora": {"generated": {"creators": N, "seed": S}, "kim2020": {"creatorsPerCategory": K}}}}), then one
 * {@link JudgedQuery} per line. Each corpus is loaded into its own home under the work folder (reused when it is
 * there already) and every query of it runs through {@link SearchService} as the web page runs it (relevance order,
 * first page of 10). An account's grade comes from its {@link Truth}; the ideal ranking of nDCG is taken over every
 * account of the corpus that passes the query's filters the truth can check (country, language, platform, tier,
 * followers); filters it cannot check (trust, engagement) are left out of the ideal, which can only lower the figure.
 */
public final class SearchEvaluation {
    public static final int K = 10;

    private SearchEvaluation() {}

    /** The judged set is unusable, or a corpus it needs cannot be read. */
    public static final class UnusableJudgements extends RuntimeException {
        public UnusableJudgements(String message) {
            super(message);
        }
    }

    /**
     * Evaluates every query of {@code judgements}.
     *
     * @param work folder holding one home per corpus
     * @param publicData the shared public-data folder, or null to skip the queries judged on public data (reported as
     *     skipped)
     * @param contexts starts the application on a home folder
     */
    public static SearchEvaluationReport run(
            Path judgements, Path work, Path publicData, Function<Path, ConfigurableApplicationContext> contexts)
            throws IOException {
        if (!Files.isRegularFile(judgements)) {
            throw new UnusableJudgements(judgements + ": no such file");
        }
        if (publicData != null && !Files.isDirectory(publicData)) {
            throw new UnusableJudgements(publicData + ": no such folder (--public-data names ../shared/data)");
        }
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<String> lines = Files.readAllLines(judgements).stream()
                .filter(l -> !l.isBlank())
                .toList();
        if (lines.isEmpty()) {
            throw new UnusableJudgements(judgements + ": empty");
        }
        JsonNode corpora = mapper.readTree(lines.get(0)).path("corpora");
        if (!corpora.isObject()) {
            throw new UnusableJudgements(judgements + ": line 1 must describe the corpora ({\"corpora\": {...}})");
        }
        Map<String, List<JudgedQuery>> byCorpus = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            JudgedQuery q;
            try {
                q = mapper.readValue(lines.get(i), JudgedQuery.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UnusableJudgements(judgements + " line " + (i + 1) + ": " + e.getOriginalMessage());
            }
            if (!corpora.has(q.corpus())) {
                throw new UnusableJudgements(
                        judgements + " line " + (i + 1) + ": corpus '" + q.corpus() + "' is not described on line 1");
            }
            byCorpus.computeIfAbsent(q.corpus(), c -> new ArrayList<>()).add(q);
        }
        List<SearchEvaluationReport.QueryResult> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (var e : byCorpus.entrySet()) {
            JsonNode spec = corpora.path(e.getKey());
            Corpus corpus;
            Path home = work.resolve(e.getKey());
            if (e.getKey().equals("generated")) {
                corpus = new GeneratedCorpus(
                                spec.path("creators").asInt(), spec.path("seed").asLong())
                        .at(home);
            } else if (e.getKey().equals("kim2020")) {
                if (publicData == null) {
                    e.getValue().forEach(q -> skipped.add(q.id()));
                    continue;
                }
                corpus = new PublicCorpus(
                        publicData, spec.path("creatorsPerCategory").asInt());
            } else {
                throw new UnusableJudgements(judgements + ": unknown corpus '" + e.getKey() + "'");
            }
            Files.createDirectories(home);
            try (ConfigurableApplicationContext ctx = contexts.apply(home)) {
                corpus.load(ctx, home);
                Map<String, Truth> truth = corpus.truth();
                SearchService search = ctx.getBean(SearchService.class);
                for (JudgedQuery q : e.getValue()) {
                    results.add(evaluate(search, q, truth));
                }
            }
        }
        return SearchEvaluationReport.of(results, skipped);
    }

    static SearchEvaluationReport.QueryResult evaluate(SearchService search, JudgedQuery q, Map<String, Truth> truth) {
        Map<String, String> filters = q.filters() == null ? Map.of() : q.filters();
        boolean brief = q.kind().equals("brief");
        SearchRequest request =
                SearchRequest.of(brief ? null : q.text(), brief ? q.text() : null, SearchParameters.parse(filters), K);
        List<SearchHit> hits = search.search(request).hits();
        List<Integer> ranked = new ArrayList<>();
        List<String> top = new ArrayList<>();
        for (SearchHit h : hits) {
            Truth t = truth.get(Truth.key(h.platform(), h.handle()));
            ranked.add(t == null ? 0 : t.grade(q.relevant()));
            top.add(h.handle());
        }
        int[] all = truth.values().stream()
                .filter(t -> passes(t, filters))
                .mapToInt(t -> t.grade(q.relevant()))
                .toArray();
        return new SearchEvaluationReport.QueryResult(
                q.id(),
                q.corpus(),
                q.language(),
                q.kind(),
                RankingMetrics.ndcg(ranked, all, K),
                RankingMetrics.precision(ranked, K),
                ranked,
                Arrays.stream(all).filter(g -> g > 0).count(),
                top);
    }

    /** Whether an account passes the filters its truth can check. */
    static boolean passes(Truth t, Map<String, String> filters) {
        for (var f : filters.entrySet()) {
            List<String> values =
                    Arrays.stream(f.getValue().split(",")).map(String::strip).toList();
            boolean ok = switch (f.getKey()) {
                case "country", "language", "platform", "tier" -> t.matches(f.getKey(), values);
                case "followers_min" ->
                    t.followers() >= Long.parseLong(f.getValue().strip());
                case "followers_max" ->
                    t.followers() <= Long.parseLong(f.getValue().strip());
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
