package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.HANDLE;
import static io.microreach.app.search.IndexFields.ID;

import java.util.Comparator;
import java.util.Locale;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * A metric order ({@link SearchSort} other than relevance) in both forms a search needs: a Lucene {@link Sort} over
 * doc values, and the same order in memory over candidates' stored fields. Accounts without the metric come last
 * either way; ties break by account id ascending.
 */
record MetricOrder(SearchSort sort, boolean descending) {

    Sort luceneSort() {
        SortField primary;
        switch (sort) {
            case HANDLE, PLATFORM, COUNTRY -> {
                primary = new SortField(sort.field(), SortField.Type.STRING, descending);
                primary.setMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
            }
            case FOLLOWERS, FOLLOWING, POSTS, LAST_SEEN -> {
                primary = new SortField(sort.field(), SortField.Type.LONG, descending);
                primary.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
            }
            default -> {
                primary = new SortField(sort.field(), SortField.Type.DOUBLE, descending);
                primary.setMissingValue(descending ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
        }
        return new Sort(primary, new SortField(ID, SortField.Type.LONG));
    }

    /** The primary order over candidates whose stored fields are loaded (the caller adds the id tie-break). */
    Comparator<Candidate> comparator() {
        return (a, b) -> {
            Comparable<Object> x = value(a);
            Comparable<Object> y = value(b);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            int c = x.compareTo(y);
            return descending ? -c : c;
        };
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> value(Candidate c) {
        var field = c.stored.getField(sort == SearchSort.HANDLE ? HANDLE : sort.field());
        if (field == null) {
            return null;
        }
        if (field.numericValue() != null) {
            return (Comparable<Object>) (Comparable<?>) field.numericValue().doubleValue();
        }
        return (Comparable<Object>) (Comparable<?>) field.stringValue().toLowerCase(Locale.ROOT);
    }
}
