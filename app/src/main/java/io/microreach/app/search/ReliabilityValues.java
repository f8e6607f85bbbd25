package io.microreach.app.search;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * Each document's reliability factor, looked up by its account id (1 for accounts without one), as a Lucene value
 * source: {@code FunctionScoreQuery.boostByValue} multiplies the keyword ranker's score by it, as {@link
 * HybridScore#of} does for the explained score.
 */
final class ReliabilityValues extends DoubleValuesSource {
    private final Map<Long, Double> factors;

    ReliabilityValues(Map<Long, Double> factors) {
        this.factors = Map.copyOf(factors);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues ids = DocValues.getNumeric(ctx.reader(), IndexFields.ID);
        return new DoubleValues() {
            private double value = 1.0;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = ids.advanceExact(doc) ? factors.getOrDefault(ids.longValue(), 1.0) : 1.0;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public int hashCode() {
        return factors.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReliabilityValues r && Objects.equals(r.factors, factors);
    }

    @Override
    public String toString() {
        return "reliability(" + factors.size() + " accounts)";
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }
}
