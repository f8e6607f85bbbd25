package io.microreach.niches;

import java.util.List;

/**
 * One niche of the taxonomy.
 *
 * @param id stable identifier (stored with every classification and correction)
 * @param name display name
 * @param description one sentence on what belongs to the niche; the zero-shot classifier embeds it
 * @param examples short example phrases (English first, then other languages); embedded with the description
 */
public record Niche(String id, String name, String description, List<String> examples) {
    public Niche {
        examples = List.copyOf(examples);
    }
}
