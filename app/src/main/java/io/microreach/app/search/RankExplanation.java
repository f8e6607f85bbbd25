package io.microreach.app.search;

import java.util.List;

/**
 * Why a result ranks where it does: each term of the hybrid score with its raw value and its contribution (weight ×
 * normalised value). The contributions add up to the hit's score, times the reliability factor.
 *
 * @param matchedTerms the query words found in the account's bio, captions or hashtags
 * @param bm25 raw BM25 score of the keywords, null without keywords
 * @param keywordContribution weight × BM25 / BM25 ceiling of this query (an upper bound of BM25, see docs/search.md)
 * @param semanticSimilarity cosine similarity between the brief (or the lookalike seed) and the account's content,
 *     null without a brief or without an embedding
 * @param semanticContribution weight × the similarity relative to the pool (0..1: 0 at or below the pool's typical
 *     similarity, 1 for the closest candidate); for lookalikes the similarity itself
 * @param matchedNiche the requested niche the account is most confidently in, null when no niche was requested or
 *     it is in none
 * @param nicheConfidence that niche's confidence
 * @param nicheContribution weight × confidence
 * @param trustScore the stored trust score (0..100), null when not scored
 * @param trustContribution weight × trust score / 100; for a missing score, weight × the assumed neutral value / 100
 * @param trustMissing true when the account has no trust score (not scored, or too little data for one)
 * @param trustAssumed the neutral trust score (the pool's median) that stands in for a missing one, null when the score
 *     exists: a missing score is ranked neither as 0 nor as a bonus
 * @param boostContribution the sum of the boosts the account matches
 * @param boosts their names ("micro creator", "Language: German (from the brief)", "exact handle or name")
 * @param reliabilityFactor the creator's campaign-record factor in this workspace, multiplying the sum; 1 without a
 *     record or while {@code microreach.reliability.weight} is 0 (the default)
 * @param trustCoverage the share of the trust score's weight that had data, when under 1: the rest was ranked at
 *     the neutral value ({@code trustContribution} = weight × (coverage × score + (1 − coverage) × neutral) / 100);
 *     null for a score from full data
 */
public record RankExplanation(
        List<String> matchedTerms,
        Double bm25,
        double keywordContribution,
        Double semanticSimilarity,
        double semanticContribution,
        String matchedNiche,
        Double nicheConfidence,
        double nicheContribution,
        Double trustScore,
        double trustContribution,
        boolean trustMissing,
        Double trustAssumed,
        double boostContribution,
        List<String> boosts,
        double reliabilityFactor,
        Double trustCoverage) {

    public RankExplanation {
        boosts = boosts == null ? List.of() : List.copyOf(boosts);
    }

    /** An explanation without a trust term in the score (lookalikes), showing the trust score for information. */
    static RankExplanation similarityOnly(double similarity, Double trustScore) {
        return new RankExplanation(
                List.of(),
                null,
                0,
                similarity,
                similarity,
                null,
                null,
                0,
                trustScore,
                0,
                trustScore == null,
                null,
                0,
                List.of(),
                1.0,
                null);
    }

    /** A one-line human summary, for the CLI table. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (bm25 != null) {
            sb.append(String.format(
                    java.util.Locale.ROOT, "keywords %s +%.3f; ", String.join("/", matchedTerms), keywordContribution));
        }
        if (semanticSimilarity != null) {
            sb.append(String.format(
                    java.util.Locale.ROOT, "similarity %.3f +%.3f; ", semanticSimilarity, semanticContribution));
        }
        if (matchedNiche != null) {
            sb.append(String.format(
                    java.util.Locale.ROOT, "niche %s %.2f +%.3f; ", matchedNiche, nicheConfidence, nicheContribution));
        }
        if (!boosts.isEmpty()) {
            sb.append(String.format(java.util.Locale.ROOT, "%s +%.3f; ", String.join(", ", boosts), boostContribution));
        }
        if (trustScore != null && trustCoverage != null) {
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "trust %.0f (%.0f%% of its weight measured, the rest neutral) +%.3f",
                    trustScore,
                    trustCoverage * 100,
                    trustContribution));
        } else if (trustScore != null) {
            sb.append(String.format(java.util.Locale.ROOT, "trust %.0f +%.3f", trustScore, trustContribution));
        } else if (trustAssumed != null) {
            sb.append(String.format(
                    java.util.Locale.ROOT, "trust missing (neutral %.0f) +%.3f", trustAssumed, trustContribution));
        } else {
            sb.append("trust missing");
        }
        if (reliabilityFactor != 1.0) {
            sb.append(String.format(java.util.Locale.ROOT, "; × reliability %.2f", reliabilityFactor));
        }
        return sb.toString();
    }
}
