package io.microreach.generator;

import io.microreach.domain.Platform;
import java.util.List;

/**
 * Who a creator is, independent of any one account: a deterministic function of the seed and the creator index
 * alone (see {@link Identities}), so that pods can name their members without generating them.
 *
 * @param secondary the platform of the second account, or {@code null} for the ~90% with one account
 */
record CreatorIdentity(
        int index,
        String creatorKey,
        String language,
        Country country,
        List<NicheWeight> niches,
        String firstName,
        String lastName,
        String displayName,
        Platform primary,
        Platform secondary,
        String handle,
        String secondHandle) {

    record NicheWeight(Niche niche, double weight) {}

    Niche primaryNiche() {
        return niches.get(0).niche();
    }

    int accounts() {
        return secondary == null ? 1 : 2;
    }

    Platform platform(int slot) {
        return slot == 0 ? primary : secondary;
    }

    String handle(int slot) {
        return Handles.forPlatform(slot == 0 ? handle : secondHandle, platform(slot));
    }
}
