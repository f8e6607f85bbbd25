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
 * The query-dependent part of the hybrid score that Lucene can compute per document while it collects: {@code
 * keywordScale × BM25 + niche × best requested niche confidence + trust × trust score / 100}. Using it as the score of
 * a {@code FunctionScoreQuery} ranks every match exactly, so paging deep into a keyword search never misses a
 * document whose trust or niche term would have lifted it.
 */
final class StaticRank extends DoubleValuesSource {
    private final double keywordScale;
    private final double nicheWeight;
    private final double trustWeight;
    private final List<String> nicheFields;

    StaticRank(double keywordScale, double nicheWeight, double trustWeight, List<String> nicheFields) {
        this.keywordScale = keywordScale;
        this.nicheWeight = nicheWeight;
        this.trustWeight = trustWeight;
        this.nicheFields = List.copyOf(nicheFields);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues trust = DocValues.getNumeric(ctx.reader(), IndexFields.TRUST);
        NumericDocValues[] niches = new NumericDocValues[nicheFields.size()];
        for (int i = 0; i < niches.length; i++) {
            niches[i] = DocValues.getNumeric(ctx.reader(), nicheFields.get(i));
        }
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                double v = 0;
                if (keywordScale != 0 && scores != null && scores.advanceExact(doc)) {
                    v += keywordScale * scores.doubleValue();
                }
                if (trustWeight != 0 && trust.advanceExact(doc)) {
                    v += trustWeight * Double.longBitsToDouble(trust.longValue()) / 100.0;
                }
                double best = 0;
                for (NumericDocValues n : niches) {
                    if (n.advanceExact(doc)) {
                        best = Math.max(best, Float.intBitsToFloat((int) n.longValue()));
                    }
                }
                value = v + nicheWeight * best;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return keywordScale != 0;
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
        return Objects.hash(keywordScale, nicheWeight, trustWeight, nicheFields);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaticRank s
                && s.keywordScale == keywordScale
                && s.nicheWeight == nicheWeight
                && s.trustWeight == trustWeight
                && s.nicheFields.equals(nicheFields);
    }

    @Override
    public String toString() {
        return "StaticRank(keyword×" + keywordScale + ", niche×" + nicheWeight + ", trust×" + trustWeight + ")";
    }
}
