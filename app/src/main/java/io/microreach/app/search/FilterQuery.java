package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.*;

import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * {@link SearchFilters} as one Lucene query: the conjunction of every filter as non-scoring clauses (points for the
 * ranges, term sets for the lists), MatchAll when there are none. A price filter matches accounts whose estimated
 * range overlaps the requested one.
 */
final class FilterQuery {
    private FilterQuery() {}

    /**
     * @param defaultNicheMin the niche confidence required when the filters do not say (the facet threshold)
     * @param hideDemo whether to leave out the accounts of the demo data set
     */
    static Query of(SearchFilters f, double defaultNicheMin, boolean hideDemo) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        if (hideDemo) {
            b.add(new TermQuery(new Term(DEMO, "false")), BooleanClause.Occur.FILTER);
        }
        terms(b, PLATFORM, f.platforms());
        terms(b, TIER, f.tiers());
        terms(b, COUNTRY, f.countries());
        terms(b, LANGUAGE, f.languages());
        Range<Long> followers = f.followers();
        if (!followers.isOpen()) {
            b.add(
                    LongPoint.newRangeQuery(
                            FOLLOWERS,
                            followers.min() == null ? Long.MIN_VALUE : followers.min(),
                            followers.max() == null ? Long.MAX_VALUE : followers.max()),
                    BooleanClause.Occur.FILTER);
        }
        range(b, ER, f.er().min(), f.er().max());
        range(b, ER_PERCENTILE, f.erPercentile().min(), f.erPercentile().max());
        range(b, TRUST, f.trust().min(), f.trust().max());
        range(b, SUSPICIOUS, f.suspicious().min(), f.suspicious().max());
        range(b, REPLY_RATE, f.replyRate().min(), f.replyRate().max());
        range(b, PRICE_HIGH, f.price().min(), null);
        range(b, PRICE_LOW, null, f.price().max());
        if (!f.niches().isEmpty()) {
            float min = (float) (f.nicheConfidenceMin() != null ? f.nicheConfidenceMin() : defaultNicheMin);
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String n : f.niches()) {
                any.add(
                        FloatPoint.newRangeQuery(nicheConfidence(n), min, Float.POSITIVE_INFINITY),
                        BooleanClause.Occur.SHOULD);
            }
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (f.hasContact() != null) {
            b.add(new TermQuery(new Term(HAS_CONTACT, f.hasContact().toString())), BooleanClause.Occur.FILTER);
        }
        if (f.text() != null) {
            String pattern = "*" + escapeWildcard(f.text().toLowerCase(Locale.ROOT)) + "*";
            b.add(
                    new BooleanQuery.Builder()
                            .add(new WildcardQuery(new Term(HANDLE_LC, pattern)), BooleanClause.Occur.SHOULD)
                            .add(new WildcardQuery(new Term(NAME_LC, pattern)), BooleanClause.Occur.SHOULD)
                            .build(),
                    BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static void terms(BooleanQuery.Builder b, String field, Set<String> values) {
        if (!values.isEmpty()) {
            b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
        }
    }

    private static void range(BooleanQuery.Builder b, String field, Double min, Double max) {
        if (min != null || max != null) {
            b.add(
                    DoublePoint.newRangeQuery(
                            field,
                            min == null ? Double.NEGATIVE_INFINITY : min,
                            max == null ? Double.POSITIVE_INFINITY : max),
                    BooleanClause.Occur.FILTER);
        }
    }

    private static String escapeWildcard(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
