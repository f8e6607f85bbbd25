package io.microreach.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one account's real followers come from: a weighted mix of {@link Community} pools (primary niche at home,
 * secondary niches at home, the primary niche in a neighbouring country of the same language, the home country's
 * general pool).
 *
 * <p>Drawing a follower models a uniform sample of the account's audience: a member of rank r is in the audience
 * with probability about min(1, A·p(r)) where A is the account's audience from that pool and p(r) ∝ r^-skew, and in
 * a sample of n with probability n/F times that. Popular members are therefore capped at n/F (they are in the
 * audience at most once), which this class implements by spreading the popularity mass of the ranks above the cap
 * uniformly over them. Without the cap, a handful of superfans would sit in almost every sample; with it, small
 * accounts (whose samples cover a larger share of their audience) share the most sampled followers, as they should.
 */
final class AudienceMix {
    record Component(Community community, double weight, long saturatedRanks) {}

    private final List<Component> components;
    private final double[] weights;

    AudienceMix(List<Component> components) {
        this.components = List.copyOf(components);
        this.weights = new double[components.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = components.get(i).weight();
        }
    }

    static AudienceMix of(CreatorIdentity identity, long followers, Rng rng) {
        List<Community> pools = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        double niche = rng.between(0.55, 0.75);
        for (CreatorIdentity.NicheWeight nw : identity.niches()) {
            pools.add(new Community(nw.niche(), identity.country()));
            w.add(niche * nw.weight());
        }
        double abroad = rng.between(0.05, 0.15);
        pools.add(new Community(identity.primaryNiche(), identity.country().neighbour(rng)));
        w.add(abroad);
        pools.add(new Community(null, identity.country()));
        w.add(Math.max(0.05, 1 - niche - abroad));
        double total = w.stream().mapToDouble(Double::doubleValue).sum();
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            Community c = pools.get(i);
            double weight = Math.round(w.get(i) / total * 1000) / 1000.0;
            components.add(new Component(c, weight, saturatedRanks(c, followers * weight)));
        }
        return new AudienceMix(components);
    }

    /**
     * The number of top ranks whose uncapped sampling weight would exceed 1/A for an audience of A from the pool:
     * with p(r) = (1-s)·r^-s·M^(s-1), p(r0) = 1/A gives r0 = ((1-s)·A·M^(s-1))^(1/s).
     */
    private static long saturatedRanks(Community c, double audience) {
        double s = c.skew();
        double m = c.poolSize();
        double r0 = StrictMath.pow((1 - s) * Math.max(1, audience) * StrictMath.pow(m, s - 1), 1 / s);
        return Math.max(1, Math.min((long) m, (long) r0));
    }

    List<Component> components() {
        return components;
    }

    /** A drawn member: the person key and the index of the component (the block of the follow graph). */
    record Draw(long personKey, int block) {}

    Draw draw(Rng rng) {
        int i = rng.weighted(weights);
        Component c = components.get(i);
        long m = c.community().poolSize();
        double x = StrictMath.pow(rng.uniform(), 1 / (1 - c.community().skew())) * m;
        long rank = x < c.saturatedRanks() ? (long) (rng.uniform() * c.saturatedRanks()) : (long) x;
        return new Draw(c.community().personKey(Math.min(m - 1, rank)), i);
    }
}
