package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.*;

import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * Turns an {@link IndexedAccount} into a Lucene document. Numbers are indexed three ways where needed: points for range
 * filters, doc values for sorting, facets and ranking, stored values for the result rows. Unknown numbers (an
 * account not scored yet) are simply absent, so range filters never match them and sorts put them last.
 */
final class AccountDocument {
    private AccountDocument() {}

    static Document of(IndexedAccount a, double nicheFacetMin) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(a.id()), Field.Store.NO));
        d.add(new NumericDocValuesField(ID, a.id()));
        d.add(new StoredField(ID, a.id()));
        keyword(d, PLATFORM, a.platform());
        keyword(d, TIER, a.tier());
        keyword(d, COUNTRY, a.country() == null ? null : a.country().toUpperCase(Locale.ROOT));
        keyword(d, LANGUAGE, a.language() == null ? null : a.language().toLowerCase(Locale.ROOT));
        d.add(new StoredField(HANDLE, a.handle()));
        d.add(new SortedDocValuesField(HANDLE_SORT, new BytesRef(a.handle().toLowerCase(Locale.ROOT))));
        d.add(new StringField(HANDLE_LC, a.handle().toLowerCase(Locale.ROOT), Field.Store.NO));
        if (a.displayName() != null) {
            d.add(new StoredField(DISPLAY_NAME, a.displayName()));
            d.add(new StringField(NAME_LC, a.displayName().toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        d.add(new StringField(HAS_CONTACT, Boolean.toString(a.hasContact()), Field.Store.YES));
        d.add(new StoredField(VERIFIED, Boolean.toString(a.verified())));
        d.add(new StringField(DEMO, Boolean.toString(a.demo()), Field.Store.YES));
        d.add(new NumericDocValuesField(DEMO, a.demo() ? 1 : 0));
        longField(d, FOLLOWERS, a.followers());
        if (a.following() != null) {
            longField(d, FOLLOWING, a.following());
        }
        if (a.postsCount() != null) {
            longField(d, POSTS, a.postsCount());
        }
        longField(d, LAST_SEEN, a.lastSeenMillis());
        doubleField(d, ER, a.engagementRate());
        doubleField(d, ER_PERCENTILE, a.engagementRatePercentile());
        doubleField(d, TRUST, a.trustScore());
        if (a.trustScore() != null) {
            doubleField(d, TRUST_COVERAGE, a.trustCoverage());
        }
        doubleField(d, SUSPICIOUS, a.suspiciousShare());
        doubleField(d, REPLY_RATE, a.replyRate());
        if (a.price() != null) {
            doubleField(d, PRICE_LOW, a.price().low());
            doubleField(d, PRICE_HIGH, a.price().high());
            d.add(new StoredField(PRICE_CURRENCY, a.price().currency()));
            if (a.price().basis() != null) {
                d.add(new StoredField(PRICE_BASIS, a.price().basis()));
            }
            d.add(new StoredField(PRICE_CONVERTED, a.price().converted() ? 1 : 0));
        }
        for (NicheScore n : a.niches()) {
            String field = nicheConfidence(n.niche());
            d.add(new FloatPoint(field, (float) n.confidence()));
            d.add(new FloatDocValuesField(field, (float) n.confidence()));
            if (n.confidence() >= nicheFacetMin) {
                d.add(new StringField(NICHE, n.niche(), Field.Store.NO));
                d.add(new SortedSetDocValuesField(NICHE, new BytesRef(n.niche())));
            }
        }
        d.add(new StoredField(
                NICHES_STORED,
                a.niches().stream().map(n -> n.niche() + ":" + n.confidence()).collect(Collectors.joining(","))));
        String text = text(a);
        d.add(new TextField(TEXT, text, Field.Store.NO));
        String stemmed = stemmedFieldFor(a.language());
        if (stemmed != null) {
            d.add(new TextField(stemmed, text, Field.Store.NO));
        }
        if (a.vector() != null && isUsable(a.vector())) {
            d.add(new KnnFloatVectorField(VECTOR, a.vector(), VectorSimilarityFunction.DOT_PRODUCT));
            d.add(new StringField(HAS_VECTOR, "true", Field.Store.NO));
        }
        return d;
    }

    /** Bio, recent captions and hashtags: what a creator talks about. */
    static String text(IndexedAccount a) {
        StringBuilder sb = new StringBuilder();
        if (a.displayName() != null) {
            sb.append(a.displayName()).append('\n');
        }
        if (a.bio() != null) {
            sb.append(a.bio()).append('\n');
        }
        a.captions().forEach(c -> sb.append(c).append('\n'));
        a.hashtags().forEach(h -> sb.append(h).append(' '));
        return sb.toString();
    }

    /** DOT_PRODUCT needs unit vectors; a zero vector (blank text) or a broken one is not searchable semantically. */
    static boolean isUsable(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        return Math.abs(norm - 1) < 1e-3;
    }

    private static void keyword(Document d, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        d.add(new StringField(field, value, Field.Store.YES));
        d.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static void longField(Document d, String field, long value) {
        d.add(new LongPoint(field, value));
        d.add(new NumericDocValuesField(field, value));
        d.add(new StoredField(field, value));
    }

    private static void doubleField(Document d, String field, Double value) {
        if (value == null || value.isNaN()) {
            return;
        }
        d.add(new DoublePoint(field, value));
        d.add(new DoubleDocValuesField(field, value));
        d.add(new StoredField(field, value));
    }
}
