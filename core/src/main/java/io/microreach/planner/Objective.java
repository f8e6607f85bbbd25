package io.microreach.planner;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a plan maximises. All three are evaluated on the same audience coverage model (see {@link CoverageModel}):
 * a person in the audiences of several chosen creators counts once.
 */
public enum Objective {
    /** Expected number of distinct people who engage with at least one deliverable (monotone submodular). */
    ENGAGED_REACH,
    /** Expected number of distinct people who convert (monotone submodular). */
    CONVERSIONS,
    /** Expected conversions × value per conversion (AOV × margin) − cost: submodular but not monotone. */
    PROFIT;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Objective> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String key = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(o -> o.id().equals(key)).findFirst();
    }

    public static String allowedIds() {
        return Arrays.stream(values()).map(Objective::id).collect(Collectors.joining(", "));
    }
}
