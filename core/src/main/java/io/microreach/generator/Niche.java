package io.microreach.generator;

import java.util.Locale;

/**
 * The niche taxonomy of PRODUCT.md. {@code share} is the share of creators whose primary niche this is (it also sizes
 * the niche's audience pools); {@code tightKnit} the probability that a creator's follower community is tight-knit
 * (families, outdoor and fitness groups know each other more often than the audience of a tech reviewer does).
 */
enum Niche {
    FITNESS(0.09, 0.30),
    CLEAN_BEAUTY(0.04, 0.22),
    BEAUTY(0.09, 0.12),
    FASHION(0.09, 0.10),
    GAMING(0.07, 0.25),
    TRAVEL(0.07, 0.12),
    PERSONAL_DEVELOPMENT(0.04, 0.18),
    FOOD(0.09, 0.15),
    PARENTING(0.06, 0.35),
    PETS(0.05, 0.25),
    HOME_INTERIOR(0.05, 0.12),
    TECH(0.05, 0.10),
    FINANCE(0.04, 0.10),
    SPORTS(0.05, 0.30),
    OUTDOOR(0.04, 0.32),
    MUSIC(0.05, 0.22),
    EDUCATION(0.03, 0.20),
    SUSTAINABILITY(0.03, 0.28);

    // Niches that share an audience often enough to be a creator's secondary niches together.
    private static final Niche[][] GROUPS = {
        {FITNESS, SPORTS, OUTDOOR, FOOD, PERSONAL_DEVELOPMENT},
        {CLEAN_BEAUTY, BEAUTY, FASHION, SUSTAINABILITY},
        {GAMING, TECH, MUSIC},
        {TRAVEL, OUTDOOR, FOOD, FASHION},
        {PARENTING, FOOD, HOME_INTERIOR, EDUCATION, PETS},
        {FINANCE, PERSONAL_DEVELOPMENT, TECH, EDUCATION},
        {SUSTAINABILITY, HOME_INTERIOR, FOOD, OUTDOOR, CLEAN_BEAUTY}
    };

    private final double share;
    private final double tightKnit;

    Niche(double share, double tightKnit) {
        this.share = share;
        this.tightKnit = tightKnit;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    double share() {
        return share;
    }

    double tightKnit() {
        return tightKnit;
    }

    /** Relative chance that {@code other} is a secondary niche of a creator whose primary niche is this one. */
    double affinity(Niche other) {
        if (other == this) {
            return 0;
        }
        for (Niche[] group : GROUPS) {
            boolean mine = false;
            boolean theirs = false;
            for (Niche n : group) {
                mine |= n == this;
                theirs |= n == other;
            }
            if (mine && theirs) {
                return other.share;
            }
        }
        return other.share * 0.1;
    }

    static double[] shares() {
        double[] w = new double[values().length];
        for (Niche n : values()) {
            w[n.ordinal()] = n.share;
        }
        return w;
    }
}
