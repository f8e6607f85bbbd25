package io.microreach.app.search;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The keyword ranking of the hybrid score as one Lucene query: {@code score(inner) + niche × best requested niche
 * confidence + trust × trust score / 100}, where {@code inner} is the keyword query already scaled by {@code
 * w_keyword / BM25 ceiling} and restricted by the filters.
 *
 * <p>Why a query of our own and not {@code FunctionScoreQuery}: a function score hides the inner scorer's score bounds,
 * so Lucene has to score every match. This wrapper passes them through: the niche and trust terms are each at most
 * their weight (confidence ≤ 1, trust and the neutral value for a missing trust ≤ 100), so the wrapped document's score is at most {@code inner max + static max}
 * and a document is competitive only if its inner score reaches {@code minCompetitive − static max}. Handing that
 * threshold down lets block-max WAND / MaxScore inside the BM25 disjunction skip blocks that cannot reach the page,
 * which makes a keyword search's work depend on the page and the score distribution, not on the number of matches.
 * (Lucene's {@code FeatureField} would give per-block bounds for trust too, but it stores only 9 significant bits of a
 * value and needs a schema change; with trust spread over 0..100 every block's bound is close to the global one anyway.)
 * The values come from the same doc values as the explanation, so the ranking and the displayed score agree exactly
 * (up to float rounding of the sum).
 */
final class HybridScoreQuery extends Query {
    private final Query inner;
    private final StaticRank rank;

    HybridScoreQuery(
            Query inner, double nicheWeight, double trustWeight, double neutralTrust, List<String> nicheFields) {
        this(inner, new StaticRank(nicheWeight, trustWeight, neutralTrust, nicheFields));
    }

    private HybridScoreQuery(Query inner, StaticRank rank) {
        this.inner = inner;
        this.rank = rank;
    }

    /** The largest value the static (niche + trust) part can add, rounded up so float sums stay below it. */
    private float staticMax() {
        return Math.nextUp((float) (rank.max() * (1 + 1e-6)));
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = inner.rewrite(searcher);
        return rewritten == inner ? this : new HybridScoreQuery(rewritten, rank);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight innerWeight = inner.createWeight(searcher, scoreMode, boost);
        float staticMax = staticMax();
        return new FilterWeight(this, innerWeight) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Scorer in = innerWeight.scorer(context);
                if (in == null) {
                    return null;
                }
                StaticRank.Segment segment = rank.segment(context);
                return new FilterScorer(in, this) {
                    private float minCompetitive;

                    @Override
                    public float score() throws IOException {
                        int doc = in.docID();
                        double v = in.score();
                        if (v + staticMax < minCompetitive) {
                            // Cannot reach the page whatever its niche and trust: skip the doc-value reads. The
                            // returned value is still below the threshold, so the collector rejects it as it would
                            // the exact score.
                            return (float) v;
                        }
                        return (float) (v + segment.at(doc));
                    }

                    @Override
                    public int advanceShallow(int target) throws IOException {
                        return in.advanceShallow(target);
                    }

                    @Override
                    public float getMaxScore(int upTo) throws IOException {
                        return in.getMaxScore(upTo) + staticMax;
                    }

                    @Override
                    public void setMinCompetitiveScore(float minScore) throws IOException {
                        minCompetitive = minScore;
                        // Conservative by one part in a million: float rounding must never drop a competitive doc.
                        float innerMin = (float) ((minScore - staticMax) * (1 - 1e-6));
                        if (innerMin > 0) {
                            in.setMinCompetitiveScore(innerMin);
                        }
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                return innerWeight.explain(context, doc);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        inner.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "hybrid(" + inner.toString(field) + ", " + rank + ")";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && o instanceof HybridScoreQuery h && h.inner.equals(inner) && h.rank.equals(rank);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), inner, rank);
    }
}
