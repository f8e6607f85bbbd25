package io.microreach.app.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.util.Bits;

/**
 * What a search needs to know about the whole pool before it ranks: how many real and how many demo accounts the index
 * holds (demo accounts are hidden by default once a real one exists) and the trust value that stands in for a missing
 * trust score.
 *
 * <p>The neutral trust is the median trust score of the scored accounts of the searched pool (the real accounts when
 * demo accounts are hidden, every account otherwise), 50 (the middle of the scale) while none is scored. Why the median
 * and not 0 or the maximum: a missing score is missing evidence, neither bad nor good news. Counting it as 0 buried
 * every unscored account below every scored one (on a pool of demo creators plus freshly imported real ones, the real
 * creator most similar to a brief ranked 81st); counting it high would reward accounts for having too little data to
 * be judged. The median gives the missing term the value a typical account of the pool gets, so an unscored account
 * ranks by its other terms: below an otherwise equal account whose trust score is above the median and above one whose
 * score is below it. Results show the score as missing with the value assumed, so nobody mistakes it for a measurement.
 *
 * <p>Computed once per index reader (the index changes only at rebuilds and updates, which open a new reader) from the
 * doc values of live documents, and forgotten when the reader closes.
 *
 * @param realAccounts accounts not from the demo data set
 * @param demoAccounts accounts from the demo data set
 * @param medianTrustReal the neutral trust of the real accounts
 * @param medianTrustAll the neutral trust of every account
 */
record PoolStats(long realAccounts, long demoAccounts, double medianTrustReal, double medianTrustAll) {
    /** The assumed trust while no account of the pool has a trust score: the middle of 0..100. */
    static final double MIDDLE = 50.0;

    private static final Map<IndexReader.CacheKey, PoolStats> BY_READER = new ConcurrentHashMap<>();

    /** Whether a search hides demo accounts: as asked, or (not asked) whenever a real account exists. */
    boolean hidesDemo(Boolean includeDemo) {
        return includeDemo == null ? realAccounts > 0 : !includeDemo;
    }

    /** The neutral trust of the pool a search sees. */
    double neutralTrust(boolean demoHidden) {
        return demoHidden ? medianTrustReal : medianTrustAll;
    }

    static PoolStats of(IndexReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return compute(reader);
        }
        PoolStats known = BY_READER.get(helper.getKey());
        if (known != null) {
            return known;
        }
        PoolStats stats = compute(reader);
        if (BY_READER.putIfAbsent(helper.getKey(), stats) == null) {
            helper.addClosedListener(BY_READER::remove);
        }
        return stats;
    }

    static PoolStats compute(IndexReader reader) throws IOException {
        double[] real = new double[reader.numDocs()];
        double[] all = new double[reader.numDocs()];
        int nReal = 0;
        int nAll = 0;
        long demo = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues trust = DocValues.getNumeric(leaf.reader(), IndexFields.TRUST);
            NumericDocValues demoFlag = DocValues.getNumeric(leaf.reader(), IndexFields.DEMO);
            Bits live = leaf.reader().getLiveDocs();
            int maxDoc = leaf.reader().maxDoc();
            for (int doc = 0; doc < maxDoc; doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                boolean isDemo = demoFlag.advanceExact(doc) && demoFlag.longValue() != 0;
                if (isDemo) {
                    demo++;
                }
                if (trust.docID() < doc) {
                    trust.advance(doc);
                }
                if (trust.docID() == doc) {
                    double t = Double.longBitsToDouble(trust.longValue());
                    all[nAll++] = t;
                    if (!isDemo) {
                        real[nReal++] = t;
                    }
                }
            }
        }
        long realAccounts = reader.numDocs() - demo;
        return new PoolStats(realAccounts, demo, median(real, nReal), median(all, nAll));
    }

    /** The median of the first {@code n} values (the mean of the two middle ones for an even count), or the middle. */
    static double median(double[] values, int n) {
        if (n == 0) {
            return MIDDLE;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
