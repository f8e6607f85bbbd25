package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pruned top-k of {@link HybridScoreQuery} against an exact reference: the same formula computed in plain Java for
 * every document (BM25 from Lucene's scorer of the bare keyword query, trust and niche from the documents as built),
 * sorted by score then id. The index is large enough (30,000 documents in several segments) that block-max pruning
 * really skips blocks once the total-hits threshold is reached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridScoreQueryTest {
    private static final int DOCS = 30_000;
    private static final String[] WORDS =
            IntStream.range(0, 300).mapToObj(i -> "w" + i).toArray(String[]::new);

    private final Directory directory = new ByteBuffersDirectory();
    /** The trust assumed for the 10% of documents without one; between the coarse values, so it makes no ties. */
    private static final double NEUTRAL_TRUST = 45.0;

    private final Map<Long, Double> trust = new HashMap<>();
    private final Map<Long, Float> nicheA = new HashMap<>();
    private final Map<Long, Float> nicheB = new HashMap<>();
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeAll
    void build() throws IOException {
        Random r = new Random(11);
        IndexWriterConfig config = new IndexWriterConfig(IndexFields.newAnalyzer());
        config.setMaxBufferedDocs(7_000); // several segments
        try (IndexWriter w = new IndexWriter(directory, config)) {
            for (int i = 0; i < DOCS; i++) {
                // Ids shuffled against document order, so the id tie-break is not the doc-id order.
                long id = (i * 7919L) % DOCS + 1;
                Document d = new Document();
                d.add(new NumericDocValuesField(IndexFields.ID, id));
                StringBuilder text = new StringBuilder();
                int length = 5 + r.nextInt(40);
                for (int j = 0; j < length; j++) {
                    // Zipf-like: low word numbers are frequent, so queries have both rare and common words.
                    text.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(r.nextGaussian()) * 60)])
                            .append(' ');
                }
                d.add(new TextField(IndexFields.TEXT, text.toString(), Field.Store.NO));
                if (r.nextDouble() < 0.9) {
                    // Coarse trust values: many exact ties.
                    double t = 10 * r.nextInt(11);
                    trust.put(id, t);
                    d.add(new DoubleDocValuesField(IndexFields.TRUST, t));
                }
                if (r.nextDouble() < 0.5) {
                    float c = (float) (r.nextInt(5) / 4.0);
                    nicheA.put(id, c);
                    d.add(new FloatDocValuesField(IndexFields.nicheConfidence("a"), c));
                }
                if (r.nextDouble() < 0.3) {
                    float c = r.nextFloat();
                    nicheB.put(id, c);
                    d.add(new FloatDocValuesField(IndexFields.nicheConfidence("b"), c));
                }
                d.add(new StringField("half", r.nextBoolean() ? "yes" : "no", Field.Store.NO));
                w.addDocument(d);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        assertThat(reader.leaves()).hasSizeGreaterThan(2);
    }

    @AfterAll
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    Stream<Arguments> cases() {
        Random r = new Random(5);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int words = 1 + r.nextInt(3);
            StringBuilder q = new StringBuilder();
            for (int j = 0; j < words; j++) {
                q.append(WORDS[r.nextInt(i < 20 ? 40 : WORDS.length)]).append(' ');
            }
            List<String> niches = switch (r.nextInt(3)) {
                case 0 -> List.of();
                case 1 -> List.of("a");
                default -> List.of("a", "b");
            };
            cases.add(Arguments.of(
                    q.toString().trim(), niches, r.nextBoolean(), r.nextInt(30), 1 + r.nextInt(25), 1 + r.nextInt(50)));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void prunedTopKEqualsTheExactRankingOfEveryMatch(
            String text, List<String> niches, boolean filtered, int offset, int limit, int threshold)
            throws IOException {
        Query keywords = KeywordQuery.parse(text);
        Query filter = filtered ? new TermQuery(new Term("half", "yes")) : null;
        double scale = 0.37;
        List<String> fields = niches.stream().map(IndexFields::nicheConfidence).toList();

        // Reference: every match, exact formula in double, ordered by score then id.
        Map<Long, Float> bm25 = new HashMap<>();
        Query plain = filter == null
                ? keywords
                : new BooleanQuery.Builder()
                        .add(keywords, BooleanClause.Occur.MUST)
                        .add(filter, BooleanClause.Occur.FILTER)
                        .build();
        for (ScoreDoc sd : searcher.search(plain, DOCS).scoreDocs) {
            bm25.put(idOf(sd.doc), sd.score);
        }
        List<Map.Entry<Long, Double>> reference = new ArrayList<>();
        for (var e : bm25.entrySet()) {
            long id = e.getKey();
            double best = 0;
            if (niches.contains("a")) {
                best = Math.max(best, nicheA.getOrDefault(id, 0f));
            }
            if (niches.contains("b")) {
                best = Math.max(best, nicheB.getOrDefault(id, 0f));
            }
            double score = scale * e.getValue() + 0.5 * best + 0.3 * trust.getOrDefault(id, NEUTRAL_TRUST) / 100;
            reference.add(Map.entry(id, score));
        }
        reference.sort(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));

        TopFieldDocs top = search(keywords, filter, scale, fields, offset + limit, threshold);
        List<Long> got = new ArrayList<>();
        for (int i = offset; i < top.scoreDocs.length; i++) {
            got.add(idOf(top.scoreDocs[i].doc));
        }
        int end = Math.min(offset + limit, reference.size());
        List<Map.Entry<Long, Double>> expected = offset >= end ? List.of() : reference.subList(offset, end);
        assertThat(got).hasSize(expected.size());
        for (int i = 0; i < got.size(); i++) {
            // Lucene sums in float: where the reference scores of two documents differ by less than float noise
            // the order may differ; the score at each rank must still agree.
            long id = got.get(i);
            double gotScore = reference.stream()
                    .filter(e -> e.getKey() == id)
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            assertThat(gotScore)
                    .as(text + " rank " + (offset + i))
                    .isCloseTo(expected.get(i).getValue(), within(1e-5));
            if (Math.abs(gotScore - expected.get(i).getValue()) < 1e-12) {
                assertThat(id).isEqualTo(expected.get(i).getKey());
            }
        }
        if (reference.size() > threshold && offset + limit <= threshold) {
            assertThat(top.totalHits.relation).isEqualTo(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
        } else if (reference.size() <= threshold) {
            assertThat(top.totalHits.value).isEqualTo(reference.size());
        }
    }

    @Test
    void pagingThroughTiesIsStable() throws IOException {
        // One frequent word: thousands of matches, many with equal scores (coarse trust, equal tf and length).
        Query keywords = KeywordQuery.parse("w0");
        List<Long> whole = new ArrayList<>();
        for (ScoreDoc sd : search(keywords, null, 0.0, List.of(), 300, 10).scoreDocs) {
            whole.add(idOf(sd.doc));
        }
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 300; offset += 13) {
            TopFieldDocs top = search(keywords, null, 0.0, List.of(), Math.min(offset + 13, 300), 10);
            for (int i = offset; i < top.scoreDocs.length; i++) {
                paged.add(idOf(top.scoreDocs[i].doc));
            }
        }
        assertThat(paged).isEqualTo(whole);
        // scale 0: trust alone ranks, so ties are everywhere; within a tie the ids ascend.
        for (int i = 1; i < whole.size(); i++) {
            double a = trust.getOrDefault(whole.get(i - 1), NEUTRAL_TRUST);
            double b = trust.getOrDefault(whole.get(i), NEUTRAL_TRUST);
            assertThat(a).isGreaterThanOrEqualTo(b);
            if (a == b) {
                assertThat(whole.get(i - 1)).isLessThan(whole.get(i));
            }
        }
    }

    private TopFieldDocs search(
            Query keywords, Query filter, double scale, List<String> nicheFields, int window, int threshold)
            throws IOException {
        BooleanQuery.Builder inner = new BooleanQuery.Builder();
        if (scale > 0) {
            inner.add(new BoostQuery(keywords, (float) scale), BooleanClause.Occur.MUST);
        } else {
            inner.add(keywords, BooleanClause.Occur.FILTER);
        }
        if (filter != null) {
            inner.add(filter, BooleanClause.Occur.FILTER);
        }
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.ID, SortField.Type.LONG));
        return searcher.search(
                new HybridScoreQuery(inner.build(), 0.5, 0.3, NEUTRAL_TRUST, nicheFields),
                new TopFieldCollectorManager(sort, window, null, threshold, true));
    }

    private long idOf(int doc) throws IOException {
        var leaves = reader.leaves();
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        var ids = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), IndexFields.ID);
        assertThat(ids.advanceExact(doc - leaf.docBase)).isTrue();
        return ids.longValue();
    }
}
