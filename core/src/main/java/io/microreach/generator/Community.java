package io.microreach.generator;

/**
 * A shared audience pool: the people in one country interested in one niche, or the country's general population
 * ({@code niche == null}: friends, locals, people following for no niche reason). Creators of the same niche and
 * country draw their real followers from the same pool, which is what makes their audiences overlap.
 *
 * <p>Pool sizes scale with the country's audience size and the niche's share (1.5M people for a 9%-share niche in
 * the US, 16M for the US general pool). Members have a popularity skew ({@link #skew()}): rank r is followed with a
 * weight proportional to r^-skew, so a core of very active niche members follows many creators of the niche while
 * the tail follows few.
 */
record Community(Niche niche, Country country) {
    private static final double NICHE_POOL_AT_US_NINE_PERCENT = 1_500_000;
    private static final double GENERAL_POOL_US = 16_000_000;
    static final int RANK_BITS = 24;
    private static final int GENERAL_INDEX = 31;

    String id() {
        return (niche == null ? "general" : niche.id()) + ":" + country.name();
    }

    long poolSize() {
        double size = niche == null
                ? GENERAL_POOL_US * country.audienceSize()
                : NICHE_POOL_AT_US_NINE_PERCENT * country.audienceSize() * niche.share() / 0.09;
        return Math.max(20_000, Math.min((1L << RANK_BITS) - 1, Math.round(size)));
    }

    double skew() {
        return niche == null ? 0.3 : 0.75;
    }

    /** The person key of the member at {@code rank}: country, pool and rank packed into 34 bits. */
    long personKey(long rank) {
        long pool = niche == null ? GENERAL_INDEX : niche.ordinal();
        return ((long) country.ordinal() << (RANK_BITS + 5)) | (pool << RANK_BITS) | rank;
    }

    static Country countryOfPerson(long personKey) {
        return Country.values()[(int) (personKey >>> (RANK_BITS + 5))];
    }
}
