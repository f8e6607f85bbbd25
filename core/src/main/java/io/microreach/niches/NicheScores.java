package io.microreach.niches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A classifier's confidence for every niche of the taxonomy, highest first. Multi-label: confidences are independent
 * (they need not sum to 1), an account belongs to every niche at or above the threshold, and to its best niche when
 * none reaches it (every account with content has at least one niche).
 */
public record NicheScores(List<NicheScore> scores) {
    /** The decision threshold of the calibrated confidences. */
    public static final double THRESHOLD = 0.5;

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

    /** The niches at or above {@code threshold}, or the best one when none is. */
    public List<NicheScore> assigned(double threshold) {
        List<NicheScore> out = new ArrayList<>();
        for (NicheScore s : scores) {
            if (s.confidence() >= threshold) {
                out.add(s);
            }
        }
        if (out.isEmpty() && !scores.isEmpty() && scores.get(0).confidence() > 0) {
            out.add(scores.get(0));
        }
        return out;
    }

    public Set<String> assignedIds() {
        return assigned(THRESHOLD).stream().map(NicheScore::nicheId).collect(Collectors.toSet());
    }
}
