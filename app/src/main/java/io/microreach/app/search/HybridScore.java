package io.microreach.app.search;

import java.util.List;
import java.util.Locale;

/**
 * The hybrid score of an account:
 *
 * <pre>
 *   score = w_keyword · BM25 / BM25_ceiling  +  w_semantic · semantic
 *         + w_niche · (best confidence among the requested niches)  +  w_trust · trust score / 100
 *         + boosts (micro tier, the brief's boost chips, an exact handle or name)
 *   score = score × reliability factor      (only with microreach.reliability.weight > 0)
 * </pre>
 *
 *
 * <p>where BM25_ceiling is an upper bound of the BM25 any document can reach for the query's words (the sum of their
 * idf in the best field; see {@link KeywordQuery#ceiling}), so the keyword term is in 0..1 and known before any match
 * is seen. Without keywords, a brief's topic words (what is left of the brief once {@code BriefInterpreter} took its
 * constraints and boilerplate out) are the keywords, with the weight {@link #BRIEF_WORDS}.
 *
 * <p>{@code semantic} is the cosine of the brief's topic and the account's content relative to the pool: {@code
 * (cos − floor) / (best − floor)} clipped to 0..1, where {@code floor} is the typical similarity of the brief to any
 * account (the mean over a sample of the index, {@link SemanticRanker#floor}) and {@code best} the
 * highest among the candidates. Why: the content embeddings of unrelated accounts are not orthogonal; for the brief
 * "organic vegan skincare" every account's cosine lay between 0.15 and 0.27, so the raw cosine (a near-constant) let
 * the trust term decide the order and a tech creator came first. Relative to the pool, only accounts clearly closer
 * than usual get semantic credit, and the closest gets all of it.
 *
 * <p>A missing trust score counts as {@code neutralTrust} (the pool's median, {@link PoolStats}); the boosts are
 * constants: {@link #MICRO} for a micro-tier account (the product's purpose; PRODUCT.md), {@link #BRIEF_BOOST} for
 * each boost chip of the brief the account matches, {@link #EXACT} for keywords that are exactly its handle or display
 * name (more than all other terms together, so it ranks first). The weights come from {@code
 * microreach.search.weights.*} (defaults 1.0, 1.0, 0.5, 0.3).
 *
 * <p>The reliability factor is the creator's campaign record in the caller's workspace ({@code
 * io.microreach.campaigns.ReliabilityHistory#rankingFactor}: 1 − weight × (1 − record score), in [1 − weight, 1]), and
 * exactly 1 for a creator without a record or while the weight is 0, the default: a multiplier rather than another
 * term, so that a creator who ghosted half of their deliverables loses the same share of their rank whatever the
 * search.
 *
 * @param keywordCeiling the BM25 ceiling of the search's keywords; 0 when there are none (no keyword term)
 * @param hasKeywords whether the search has keywords (the explanation then shows the raw BM25, 0 for no match)
 * @param neutralTrust the trust score (0..100) assumed for an account without one
 */
record HybridScore(SearchSettings.Weights w, double keywordCeiling, boolean hasKeywords, double neutralTrust) {
    /**
     * Added for an account in the micro tier (5k–50k followers by default): more than the whole trust term (at most
     * 0.3 with the default weight), so that the default order lists micro creators first and orders them by trust.
     */
    static final double MICRO = 0.35;
    /** Added for each boost chip of the brief (its language, its size words) the account matches. */
    static final double BRIEF_BOOST = 0.25;
    /** Added when the keywords are exactly the account's handle (with or without @) or display name. */
    static final double EXACT = 3.0;
    /** The keyword weight of a brief's topic words when the search has no keywords of its own. */
    static final double BRIEF_WORDS = 0.5;

    /** The formula with these weights, as shown in results. */
    static String formula(SearchSettings.Weights w) {
        return String.format(
                Locale.ROOT,
                "score = %.2f·BM25/BM25ceiling + %.2f·semantic + %.2f·nicheConfidence + %.2f·trust/100"
                        + " + %.2f·micro + %.2f·each brief boost + %.1f·exact handle or name (semantic: cosine relative"
                        + " to the pool, 0..1; missing trust: the pool median; a brief's topic words count as keywords"
                        + " with weight %.2f); × the reliability factor of a creator with a campaign record when"
                        + " microreach.reliability.weight is set",
                w.keyword(),
                w.semantic(),
                w.niche(),
                w.trust(),
                MICRO,
                BRIEF_BOOST,
                EXACT,
                BRIEF_WORDS);
    }

    /** The keyword term: w_keyword × BM25 / ceiling. */
    double keywordPart(Candidate c) {
        return Double.isNaN(c.bm25) || keywordCeiling <= 0 ? 0 : w.keyword() * c.bm25 / keywordCeiling;
    }

    /** The whole score of a candidate whose signals have been read. */
    double of(Candidate c) {
        return (keywordPart(c)
                        + semanticPart(c)
                        + (c.niche == null ? 0 : w.niche() * c.niche.confidence())
                        + trustPart(c.trust, c.trustCoverage)
                        + c.boost)
                * c.reliability;
    }

    /** The semantic term: w_semantic × the cosine relative to the pool (0 without a brief). */
    double semanticPart(Candidate c) {
        return Double.isNaN(c.semantic) ? 0 : w.semantic() * c.semantic;
    }

    /**
     * The trust term: w_trust × ranked trust / 100. The ranked trust is the score where all of its weight had data;
     * where only a share c had, the missing share counts at the neutral value: c × score + (1 − c) × neutral. A
     * missing score is all neutral. So an unmeasured component is neither held against an account nor credited to it,
     * and a partial-data score of 95 (from 40% of the weight) does not outrank a full-data 90.
     */
    double trustPart(Double trust, Double coverage) {
        return w.trust() * rankedTrust(trust, coverage, neutralTrust) / 100;
    }

    static double rankedTrust(Double trust, Double coverage, double neutral) {
        if (trust == null) {
            return neutral;
        }
        double c = coverage == null || coverage.isNaN() ? 1 : Math.max(0, Math.min(1, coverage));
        return c * trust + (1 - c) * neutral;
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
                semanticPart(c),
                niche == null ? null : niche.niche(),
                niche == null ? null : niche.confidence(),
                niche == null ? 0 : w.niche() * niche.confidence(),
                trust,
                trustPart(trust, c.trustCoverage),
                trust == null,
                trust == null ? neutralTrust : null,
                c.boost,
                c.boosts,
                c.reliability,
                trust != null && c.trustCoverage != null && c.trustCoverage < 1 ? c.trustCoverage : null);
    }
}
