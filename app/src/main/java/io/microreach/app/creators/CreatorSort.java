package io.microreach.app.creators;

import io.microreach.app.search.SearchSort;
import java.util.Locale;
import java.util.Optional;

/** The columns the creators list can be sorted by, mapped to the search's sort orders. */
public enum CreatorSort {
    FOLLOWERS(SearchSort.FOLLOWERS),
    HANDLE(SearchSort.HANDLE),
    PLATFORM(SearchSort.PLATFORM),
    POSTS(SearchSort.POSTS),
    FOLLOWING(SearchSort.FOLLOWING),
    COUNTRY(SearchSort.COUNTRY),
    LAST_SEEN(SearchSort.LAST_SEEN);

    private final SearchSort search;

    CreatorSort(SearchSort search) {
        this.search = search;
    }

    SearchSort search() {
        return search;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CreatorSort> fromId(String id) {
        for (CreatorSort s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
