package io.microreach.app.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts niche, tier, platform and country values over every matching document from doc values: ordinals are counted
 * per segment in arrays and turned into strings once per segment, so counting a million matches costs a few array
 * increments per document. Written by hand because four flat dimensions do not need lucene-facet's taxonomy index.
 */
final class FacetCounter extends SimpleCollector {
    private final Map<String, Long> niche = new HashMap<>();
    private final Map<String, Long> tier = new HashMap<>();
    private final Map<String, Long> platform = new HashMap<>();
    private final Map<String, Long> country = new HashMap<>();

    private SortedSetDocValues nicheValues;
    private SortedDocValues tierValues;
    private SortedDocValues platformValues;
    private SortedDocValues countryValues;
    private long[] nicheCounts;
    private long[] tierCounts;
    private long[] platformCounts;
    private long[] countryCounts;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        nicheValues = DocValues.getSortedSet(context.reader(), IndexFields.NICHE);
        tierValues = DocValues.getSorted(context.reader(), IndexFields.TIER);
        platformValues = DocValues.getSorted(context.reader(), IndexFields.PLATFORM);
        countryValues = DocValues.getSorted(context.reader(), IndexFields.COUNTRY);
        nicheCounts = new long[(int) nicheValues.getValueCount()];
        tierCounts = new long[tierValues.getValueCount()];
        platformCounts = new long[platformValues.getValueCount()];
        countryCounts = new long[countryValues.getValueCount()];
    }

    @Override
    public void collect(int doc) throws IOException {
        if (nicheValues.advanceExact(doc)) {
            for (int i = 0; i < nicheValues.docValueCount(); i++) {
                nicheCounts[(int) nicheValues.nextOrd()]++;
            }
        }
        if (tierValues.advanceExact(doc)) {
            tierCounts[tierValues.ordValue()]++;
        }
        if (platformValues.advanceExact(doc)) {
            platformCounts[platformValues.ordValue()]++;
        }
        if (countryValues.advanceExact(doc)) {
            countryCounts[countryValues.ordValue()]++;
        }
    }

    private void flush() throws IOException {
        if (nicheCounts == null) {
            return;
        }
        for (int o = 0; o < nicheCounts.length; o++) {
            if (nicheCounts[o] > 0) {
                niche.merge(nicheValues.lookupOrd(o).utf8ToString(), nicheCounts[o], Long::sum);
            }
        }
        merge(tier, tierValues, tierCounts);
        merge(platform, platformValues, platformCounts);
        merge(country, countryValues, countryCounts);
        nicheCounts = null;
    }

    private static void merge(Map<String, Long> into, SortedDocValues values, long[] counts) throws IOException {
        for (int o = 0; o < counts.length; o++) {
            if (counts[o] > 0) {
                into.merge(values.lookupOrd(o).utf8ToString(), counts[o], Long::sum);
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    SearchResult.Facets facets() throws IOException {
        flush();
        return new SearchResult.Facets(sorted(niche), sorted(tier), sorted(platform), sorted(country));
    }

    private static List<SearchResult.FacetCount> sorted(Map<String, Long> counts) {
        List<SearchResult.FacetCount> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new SearchResult.FacetCount(k, v)));
        out.sort(Comparator.comparingLong(SearchResult.FacetCount::count)
                .reversed()
                .thenComparing(SearchResult.FacetCount::value));
        return out;
    }
}
