package io.microreach.generator;

import java.util.Locale;

/** Follower tiers with the default bands of PRODUCT.md, used to label the ground truth. */
enum Tier {
    NANO(0),
    MICRO(5_000),
    MID(50_000),
    MACRO(500_000),
    MEGA(1_000_000);

    private final long from;

    Tier(long from) {
        this.from = from;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Tier of(long followers) {
        Tier[] all = values();
        for (int i = all.length - 1; i > 0; i--) {
            if (followers >= all[i].from) {
                return all[i];
            }
        }
        return NANO;
    }
}
