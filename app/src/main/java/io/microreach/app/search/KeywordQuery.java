package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.LANGUAGE;
import static io.microreach.app.search.IndexFields.TEXT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * A search's keywords: the Lucene query (the best of the standard field and the stemmed fields, max so no double
 * counting), each query word's analysed terms per text field, the BM25 ceiling that scales the keyword term of the
 * {@link HybridScore}, and which words a page's documents contain (for the rank explanation).
 */
final class KeywordQuery {
    final String text;
    final Query query;
    /** Query words, in order, with their analysed terms per text field. */
    private final Map<String, Map<String, List<String>>> words;

    /**
     * The most words a keyword query may have. Lucene refuses a query of more than 1,024 clauses, and every word
     * becomes a clause in each text field, so a pasted paragraph failed the whole search; long text belongs in the
     * brief, which is matched by meaning.
     */
    static final int MAX_WORDS = 100;

    KeywordQuery(String text) {
        int count = Math.max(queryWords(text).size(), terms(text));
        if (count > MAX_WORDS) {
            throw new InvalidSearchParameter(
                    "query",
                    "at most " + MAX_WORDS + " keywords, got " + count
                            + "; describe the brand in the brief instead, which is matched by meaning");
        }
        this.text = text;
        this.query = parse(text);
        this.words = analysedWords(text);
    }

    /** How many terms the analyser makes of the text ("ü✓ü✓" is one word but two terms). */
    private static int terms(String text) {
        int n = 0;
        try (TokenStream tokens = IndexFields.ANALYZER.tokenStream(TEXT, text)) {
            tokens.reset();
            while (tokens.incrementToken()) {
                n++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /** The keyword query alone: the best of the standard field and the stemmed fields. */
    static Query parse(String text) {
        Analyzer analyzer = IndexFields.ANALYZER;
        List<Query> perField = new ArrayList<>();
        for (String field : IndexFields.textFields()) {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, field);
            Query q = parser.parse(text);
            if (q != null) {
                perField.add(q);
            }
        }
        return perField.isEmpty() ? new MatchNoDocsQuery("no searchable words") : new DisjunctionMaxQuery(perField, 0f);
    }

    /** The words of a keyword query, in order, repeats included (the simple query parser's operators split them). */
    private static List<String> queryWords(String text) {
        return Arrays.stream(text.split("[\\s\"+\\-|()~*]+"))
                .filter(w -> !w.isBlank())
                .toList();
    }

    private static Map<String, Map<String, List<String>>> analysedWords(String text) {
        Analyzer analyzer = IndexFields.ANALYZER;
        Map<String, Map<String, List<String>>> words = new LinkedHashMap<>();
        for (String word : queryWords(text)) {
            Map<String, List<String>> perField = new LinkedHashMap<>();
            for (String field : IndexFields.textFields()) {
                List<String> tokens = new ArrayList<>();
                try (TokenStream ts = analyzer.tokenStream(field, word)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        tokens.add(term.toString());
                    }
                    ts.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                perField.put(field, tokens);
            }
            words.put(word, perField);
        }
        return words;
    }

    /**
     * An upper bound of the BM25 any document can reach for these words: Lucene's BM25 of a term is {@code idf × tf /
     * (tf + k1 × length norm)}, which approaches idf as tf grows, so a field's score is below the sum of its terms'
     * idf, and the keyword query (best field) below the largest such sum. It depends on term statistics only, not on
     * the matches, so the keyword term can be scaled by it before Lucene collects (and prunes).
     */
    double ceiling(IndexSearcher searcher) throws IOException {
        double best = 0;
        for (String field : IndexFields.textFields()) {
            CollectionStatistics stats = searcher.collectionStatistics(field);
            if (stats == null) {
                continue;
            }
            double sum = 0;
            // Every occurrence: the query parser scores a repeated word once per occurrence.
            for (String word : queryWords(text)) {
                for (String token : words.get(word).get(field)) {
                    int df = searcher.getIndexReader().docFreq(new Term(field, token));
                    if (df > 0) {
                        // The same float rounding as BM25Similarity.idf, so the bound holds for the scores it makes.
                        sum += (float) Math.log(1 + (stats.docCount() - df + 0.5D) / (df + 0.5D));
                    }
                }
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    /**
     * The query words present in each page document's text (by document), checked in the postings: per segment one
     * terms enumerator per text field (only the standard field and the stemmed fields of the page's languages), one
     * lookup per analysed word, then the postings are advanced through the page's documents in order.
     */
    Map<Integer, List<String>> matchedTerms(List<LeafReaderContext> leaves, List<Candidate> page) throws IOException {
        Map<Integer, List<String>> matched = new HashMap<>();
        List<Integer> docs = page.stream().map(c -> c.doc).sorted().toList();
        Set<String> fields = new LinkedHashSet<>();
        fields.add(TEXT);
        for (Candidate c : page) {
            String stemmed = IndexFields.stemmedFieldFor(c.stored.get(LANGUAGE));
            if (stemmed != null) {
                fields.add(stemmed);
            }
        }
        Map<Integer, Set<String>> found = new HashMap<>();
        for (LeafReaderContext leaf : leaves) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            List<Integer> inLeaf =
                    docs.stream().filter(d -> d >= leaf.docBase && d < end).toList();
            if (inLeaf.isEmpty()) {
                continue;
            }
            for (String field : fields) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                PostingsEnum pe = null;
                for (var word : words.entrySet()) {
                    for (String token : word.getValue().get(field)) {
                        if (!te.seekExact(new BytesRef(token))) {
                            continue;
                        }
                        pe = te.postings(pe, PostingsEnum.NONE);
                        for (int doc : inLeaf) {
                            int local = doc - leaf.docBase;
                            int at = pe.docID() >= local ? pe.docID() : pe.advance(local);
                            if (at == local) {
                                found.computeIfAbsent(doc, k -> new HashSet<>()).add(word.getKey());
                            }
                            if (at == PostingsEnum.NO_MORE_DOCS) {
                                break;
                            }
                        }
                    }
                }
            }
        }
        // Keep the query's word order.
        for (var e : found.entrySet()) {
            List<String> ordered = new ArrayList<>();
            for (String word : words.keySet()) {
                if (e.getValue().contains(word)) {
                    ordered.add(word);
                }
            }
            matched.put(e.getKey(), ordered);
        }
        return matched;
    }
}
