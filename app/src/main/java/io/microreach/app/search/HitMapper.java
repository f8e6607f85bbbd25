package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;

/** Turns an account's stored fields into a {@link SearchHit}; the score and its explanation come from the ranking. */
final class HitMapper {
    private HitMapper() {}

    static SearchHit hit(Document d, double score, RankExplanation why) {
        return new SearchHit(
                d.getField(ID).numericValue().longValue(),
                d.get(PLATFORM),
                d.get(HANDLE),
                d.get(DISPLAY_NAME),
                d.get(TIER),
                d.getField(FOLLOWERS).numericValue().longValue(),
                longOrNull(d, FOLLOWING),
                longOrNull(d, POSTS),
                d.get(COUNTRY),
                d.get(LANGUAGE),
                Boolean.parseBoolean(d.get(VERIFIED)),
                Boolean.parseBoolean(d.get(HAS_CONTACT)),
                Boolean.parseBoolean(d.get(DEMO)),
                doubleOrNull(d, ER),
                doubleOrNull(d, ER_PERCENTILE),
                doubleOrNull(d, TRUST),
                doubleOrNull(d, SUSPICIOUS),
                doubleOrNull(d, REPLY_RATE),
                niches(d),
                price(d),
                score,
                why);
    }

    /**
     * A ranked candidate (stored fields loaded) as a hit whose score is the sum of its explained terms times its
     * reliability factor.
     */
    static SearchHit hit(Candidate c, HybridScore score, List<String> matchedTerms) {
        RankExplanation why = score.explain(c, matchedTerms);
        double total = (why.keywordContribution()
                        + why.semanticContribution()
                        + why.nicheContribution()
                        + why.trustContribution()
                        + why.boostContribution())
                * why.reliabilityFactor();
        return hit(c.stored, total, why);
    }

    static Double doubleOrNull(Document d, String field) {
        var f = d.getField(field);
        return f == null ? null : f.numericValue().doubleValue();
    }

    private static Long longOrNull(Document d, String field) {
        var f = d.getField(field);
        return f == null ? null : f.numericValue().longValue();
    }

    static List<NicheScore> niches(Document d) {
        String stored = d.get(NICHES_STORED);
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<NicheScore> out = new ArrayList<>();
        for (String pair : stored.split(",")) {
            int colon = pair.lastIndexOf(':');
            out.add(new NicheScore(pair.substring(0, colon), Double.parseDouble(pair.substring(colon + 1))));
        }
        return out;
    }

    private static PriceEstimates.PriceRange price(Document d) {
        Double low = doubleOrNull(d, PRICE_LOW);
        Double high = doubleOrNull(d, PRICE_HIGH);
        String currency = d.get(PRICE_CURRENCY);
        return low == null || high == null || currency == null
                ? null
                : new PriceEstimates.PriceRange(
                        low,
                        high,
                        currency,
                        d.get(PRICE_BASIS),
                        d.getField(PRICE_CONVERTED) != null
                                && d.getField(PRICE_CONVERTED).numericValue().intValue() == 1);
    }
}
