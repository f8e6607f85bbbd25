package io.microreach.app.search;

import java.util.List;
import java.util.Locale;

/**
 * The hybrid score of an account:
 *
 * <pre>
 *   score = w_keyword · BM25 / BM25_ceiling  +  w_semantic · max(0, cos(brief, content))
 *         + w_niche · (best confidence among the requested niches)  +  w_trust · trust score / 100
 * </pre>
 *
 *
 * <p>where BM25_ceiling is an upper bound of the BM25 any document can reach for the query's words (the sum of their
 * idf in the best field; see {@link KeywordQuery#ceiling}), so the keyword term is in 0..1 and known before any match
 * is seen, the cosine is the dot product of the unit-length embeddings, absent keyword, brief and niche terms count 0,
 * a missing trust score counts as {@code neutralTrust} (the pool's median, {@link PoolStats}) and the weights come from
 * {@code microreach.search.weights.*} (defaults 1.0, 1.0, 0.5, 0.3). The terms are chosen so that each is 0..1 and so
 * the weights read as "how many ideal keyword matches is a perfect semantic match worth".
 *
 * @param keywordCeiling the BM25 ceiling of the search's keywords; 0 when there are none (no keyword term)
 * @param hasKeywords whether the search has keywords (the explanation then shows the raw BM25, 0 for no match)
 * @param neutralTrust the trust score (0..100) assumed for an account without one
 */
record HybridScore(SearchSettings.Weights w, double keywordCeiling, boolean hasKeywords, double neutralTrust) {

    /** The formula with these weights, as shown in results. */
    static String formula(SearchSettings.Weights w) {
        return String.format(
                Locale.ROOT,
                "score = %.2f·BM25/BM25ceiling + %.2f·max(0,cosine) + %.2f·nicheConfidence + %.2f·trust/100"
                        + " (missing trust: the pool median)",
                w.keyword(),
                w.semantic(),
                w.niche(),
                w.trust());
    }

    /** The keyword term: w_keyword × BM25 / ceiling. */
    double keywordPart(Candidate c) {
        return Double.isNaN(c.bm25) || keywordCeiling <= 0 ? 0 : w.keyword() * c.bm25 / keywordCeiling;
    }

    /** The whole score of a candidate whose signals have been read. */
    double of(Candidate c) {
        double semantic = Double.isNaN(c.cosine) ? 0 : w.semantic() * Math.max(0, c.cosine);
        return keywordPart(c)
                + semantic
                + (c.niche == null ? 0 : w.niche() * c.niche.confidence())
                + trustPart(c.trust);
    }

    /** The trust term: w_trust × trust / 100, with the neutral value in place of a missing score. */
    double trustPart(Double trust) {
        return w.trust() * (trust == null ? neutralTrust : trust) / 100;
    }

    /** Each term of the score of a candidate, with the inputs that made it. */
    RankExplanation explain(Candidate c, List<String> matchedTerms) {
        NicheScore niche = c.niche;
        Double trust = c.trust;
        Double cosine = Double.isNaN(c.cosine) ? null : c.cosine;
        return new RankExplanation(
                matchedTerms,
                hasKeywords ? (Double.isNaN(c.bm25) ? 0.0 : c.bm25) : null,
                keywordPart(c),
                cosine,
                cosine == null ? 0 : w.semantic() * Math.max(0, cosine),
                niche == null ? null : niche.niche(),
                niche == null ? null : niche.confidence(),
                niche == null ? 0 : w.niche() * niche.confidence(),
                trust,
                trustPart(trust),
                trust == null,
                trust == null ? neutralTrust : null);
    }
}
