package io.microreach.generator;

import io.microreach.domain.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Comment pods: small groups of creators on one platform who comment on each other's posts within minutes of
 * publishing, with generic praise, to game the ranking. Creators are grouped by index into blocks of {@link #GROUP};
 * a block holds a pod with probability {@link #POD_PROBABILITY}, and its 5–10 members are drawn among the block's
 * creators whose first account is on the pod's platform (Instagram or TikTok). That puts about 3% of creators in a
 * pod, and a creator's pod depends only on the seed and its index, never on how many creators are generated.
 */
final class Pods {
    static final int GROUP = 64;
    static final double POD_PROBABILITY = 0.26;
    static final int MIN_MEMBERS = 5;
    static final int MAX_MEMBERS = 10;

    /** A pod and its members' creator indices. Every member comments on most of the others' posts. */
    record Pod(long id, Platform platform, List<Integer> members, double participation) {}

    private final long seed;
    private final Identities identities;
    private long cachedGroup = -1;
    private Pod cachedPod;

    Pods(long seed, Identities identities) {
        this.seed = seed;
        this.identities = identities;
    }

    /** The pod creator {@code index} belongs to with its first account, or {@code null}. */
    Pod of(int index) {
        long group = index / GROUP;
        if (group != cachedGroup) {
            cachedPod = podOfGroup(group);
            cachedGroup = group;
        }
        return cachedPod != null && cachedPod.members().contains(index) ? cachedPod : null;
    }

    private Pod podOfGroup(long group) {
        Rng rng = Rng.of(seed, Streams.POD, group);
        if (!rng.chance(POD_PROBABILITY)) {
            return null;
        }
        Platform platform = rng.chance(0.65) ? Platform.INSTAGRAM : Platform.TIKTOK;
        List<Integer> candidates = new ArrayList<>();
        long first = group * GROUP;
        for (long i = first; i < first + GROUP && i <= Integer.MAX_VALUE; i++) {
            if (identities.of((int) i).primary() == platform) {
                candidates.add((int) i);
            }
        }
        if (candidates.size() < MIN_MEMBERS) {
            return null;
        }
        int size = rng.intBetween(MIN_MEMBERS, Math.min(MAX_MEMBERS, candidates.size()));
        for (int i = 0; i < size; i++) {
            int j = i + rng.below(candidates.size() - i);
            Integer tmp = candidates.get(i);
            candidates.set(i, candidates.get(j));
            candidates.set(j, tmp);
        }
        List<Integer> members = new ArrayList<>(candidates.subList(0, size));
        members.sort(null);
        return new Pod(group, platform, List.copyOf(members), rng.between(0.80, 0.95));
    }
}
