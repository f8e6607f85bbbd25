package io.microreach.signals.commercial.evaluation;

import java.util.Objects;

/** A label joined to its caption's text, read from the public data folder (never stored in the project). */
public record LabelledCaption(CaptionLabel label, String text) {
    public LabelledCaption {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }
}
