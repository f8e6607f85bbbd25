package io.microreach.niches.evaluation;

import java.util.Set;

/**
 * A text with its true niches (one line of a labelled file).
 *
 * @param line the line number in the file (1 = header), for messages
 */
public record LabelledText(long line, Set<String> labels, String text) {
    public LabelledText {
        labels = Set.copyOf(labels);
    }
}
