package io.microreach.connectors.instagram;

/**
 * The public fields of a professional account as Business Discovery returns them. A field the answer lacks is
 * {@code null}: {@code followers_count} is missing for some accounts, and a count that is not reported is not zero.
 */
record Profile(
        String id,
        String username,
        String name,
        String biography,
        String website,
        Long followersCount,
        Long followsCount,
        Long mediaCount,
        boolean hasProfilePicture) {}
