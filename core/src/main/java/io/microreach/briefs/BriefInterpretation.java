package io.microreach.briefs;

import java.util.List;

/**
 * What a brief says.
 *
 * @param chips the constraints read from it, in the order they appear
 * @param topic the words left for the semantic match: the brief without the chips' words and without boilerplate;
 *     the whole brief when nothing else is left
 */
public record BriefInterpretation(List<BriefChip> chips, String topic) {
    public BriefInterpretation {
        chips = List.copyOf(chips);
    }
}
