package io.microreach.app.search;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * The part of the hybrid score that needs no keywords and no brief, computed per document while Lucene collects:
 * {@code niche × best requested niche confidence + trust × trust score / 100}, with the neutral value ({@link
 * PoolStats}) in place of a missing trust score. Using it as the score of a {@code FunctionScoreQuery} ranks every
 * match of a filters-only search exactly, so paging deep never misses a document whose trust or niche term would have
 * lifted it. (Keyword ranking is {@code HybridScoreQuery}'s.)
 */
final class StaticRank extends DoubleValuesSource {
    private final double nicheWeight;
    private final double trustWeight;
    private final double neutralTrust;
    private final List<String> nicheFields;

    StaticRank(double nicheWeight, double trustWeight, double neutralTrust, List<String> nicheFields) {
        this.nicheWeight = nicheWeight;
        this.trustWeight = trustWeight;
        this.neutralTrust = neutralTrust;
        this.nicheFields = List.copyOf(nicheFields);
    }

    /** The static part for the documents of one segment, read from its doc values. */
    @FunctionalInterface
    interface Segment {
        double at(int doc) throws IOException;
    }

    /** Opens the trust and niche doc values of one segment; {@link HybridScoreQuery} adds the result per document. */
    Segment segment(LeafReaderContext ctx) throws IOException {
        NumericDocValues trust = DocValues.getNumeric(ctx.reader(), IndexFields.TRUST);
        NumericDocValues coverage = DocValues.getNumeric(ctx.reader(), IndexFields.TRUST_COVERAGE);
        NumericDocValues[] niches = new NumericDocValues[nicheFields.size()];
        for (int i = 0; i < niches.length; i++) {
            niches[i] = DocValues.getNumeric(ctx.reader(), nicheFields.get(i));
        }
        return doc -> {
            double v = 0;
            if (trustWeight != 0) {
                Double t = trust.advanceExact(doc) ? Double.longBitsToDouble(trust.longValue()) : null;
                Double c =
                        t != null && coverage.advanceExact(doc) ? Double.longBitsToDouble(coverage.longValue()) : null;
                v += trustWeight * HybridScore.rankedTrust(t, c, neutralTrust) / 100.0;
            }
            double best = 0;
            for (NumericDocValues n : niches) {
                if (n.advanceExact(doc)) {
                    best = Math.max(best, Float.intBitsToFloat((int) n.longValue()));
                }
            }
            return v + nicheWeight * best;
        };
    }

    /** The most the static part can add: each term at most its weight (confidence ≤ 1, trust ≤ 100). */
    double max() {
        return trustWeight + (nicheFields.isEmpty() ? 0 : nicheWeight);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        Segment segment = segment(ctx);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = segment.at(doc);
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nicheWeight, trustWeight, neutralTrust, nicheFields);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaticRank s
                && s.nicheWeight == nicheWeight
                && s.trustWeight == trustWeight
                && s.neutralTrust == neutralTrust
                && s.nicheFields.equals(nicheFields);
    }

    @Override
    public String toString() {
        return "StaticRank(niche×" + nicheWeight + ", trust×" + trustWeight + ", missing trust " + neutralTrust + ")";
    }
}
