package io.microreach.generator;

import io.microreach.domain.FollowEdge;
import io.microreach.domain.Platform;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follow edges among an account's sampled real followers from a stochastic block model: two followers from the same
 * audience pool (block) are connected with probability p_in, from different pools with p_out; a connected pair
 * follows each other with the planted reciprocity, otherwise one of them follows the other. Bots are left out: they
 * follow creators, not each other's audience. O(n²) in the sample size, which is fine for samples of a few hundred.
 */
final class FollowGraph {
    /** A sampled real follower: platform id and block. */
    record Node(String id, int block) {}

    private FollowGraph() {}

    /** Emits the edges and returns how many were written. */
    static long write(
            Platform platform,
            String accountId,
            List<Node> nodes,
            AccountPlan.Cohesion cohesion,
            Rng rng,
            Consumer<FollowEdge> sink) {
        long edges = 0;
        for (int i = 0; i < nodes.size(); i++) {
            Node a = nodes.get(i);
            for (int j = i + 1; j < nodes.size(); j++) {
                Node b = nodes.get(j);
                double p = a.block() == b.block() ? cohesion.pIn() : cohesion.pOut();
                if (!rng.chance(p)) {
                    continue;
                }
                if (rng.chance(cohesion.reciprocity())) {
                    sink.accept(new FollowEdge(platform, accountId, a.id(), b.id()));
                    sink.accept(new FollowEdge(platform, accountId, b.id(), a.id()));
                    edges += 2;
                } else if (rng.chance(0.5)) {
                    sink.accept(new FollowEdge(platform, accountId, a.id(), b.id()));
                    edges++;
                } else {
                    sink.accept(new FollowEdge(platform, accountId, b.id(), a.id()));
                    edges++;
                }
            }
        }
        return edges;
    }
}
