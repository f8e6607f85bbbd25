package io.microreach.signals.commercial.evaluation;

import java.util.Objects;
import java.util.Set;

/**
 * One row of the label file: where the caption is, and its hand label.
 *
 * @param line the line of the label file, for error messages
 * @param set the data set's folder under the public data folder
 * @param file the file in that folder
 * @param row the caption's 0-based record index after the header
 * @param textSha1 the first 12 hex digits of the caption's SHA-1 (UTF-8), to check the join
 * @param split {@code tune} (rules were adjusted while looking at it) or {@code holdout} (never looked at)
 * @param truth the hand label
 * @param brandHashes the partner brands, each as the first 12 hex digits of the SHA-1 of the lower-case handle
 */
public record CaptionLabel(
        long line,
        String set,
        String file,
        int row,
        String textSha1,
        String split,
        SponsorshipTruth truth,
        Set<String> brandHashes) {

    public CaptionLabel {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(textSha1, "textSha1");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(truth, "truth");
        brandHashes = Set.copyOf(brandHashes);
    }
}
