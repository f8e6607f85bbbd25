package io.microreach.niches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A classifier's confidence for every niche of the taxonomy, highest first. Multi-label: confidences are independent
 * (they need not sum to 1), an account belongs to every niche at or above the threshold, and to its best niche when
 * none reaches it, unless even the best is below {@link #UNCLEAR_BELOW}: then the answer is "unclear" (no niche),
 * which is more honest than a forced guess (greetings, ads, empty or off-topic text; docs/niches.md measures how
 * often it happens on real captions and how much more precise the answered part is).
 */
public record NicheScores(List<NicheScore> scores) {
    /** The decision threshold of the calibrated confidences. */
    public static final double THRESHOLD = 0.5;

    /** Below this confidence even the best niche is not assigned: the account's niche is unclear. */
    public static final double UNCLEAR_BELOW = 0.15;

    public NicheScores {
        scores = scores.stream()
                .sorted(Comparator.comparingDouble(NicheScore::confidence).reversed())
                .toList();
    }

    public double confidence(String nicheId) {
        return scores.stream()
                .filter(s -> s.nicheId().equals(nicheId))
                .mapToDouble(NicheScore::confidence)
                .findFirst()
                .orElse(0);
    }

    /**
     * The niches at or above {@code threshold}, or the best one when none is and it reaches {@link #UNCLEAR_BELOW};
     * empty when the niche is unclear.
     */
    public List<NicheScore> assigned(double threshold) {
        List<NicheScore> out = new ArrayList<>();
        for (NicheScore s : scores) {
            if (s.confidence() >= threshold) {
                out.add(s);
            }
        }
        if (out.isEmpty() && !scores.isEmpty() && scores.get(0).confidence() >= UNCLEAR_BELOW) {
            out.add(scores.get(0));
        }
        return out;
    }

    /** True when no niche is assigned (empty text, or the best niche below {@link #UNCLEAR_BELOW}). */
    public boolean unclear() {
        return assigned(THRESHOLD).isEmpty();
    }

    public Set<String> assignedIds() {
        return assigned(THRESHOLD).stream().map(NicheScore::nicheId).collect(Collectors.toSet());
    }
}
