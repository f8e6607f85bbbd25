package io.microreach.app.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What results can be ordered by; every order breaks ties by account id (ascending) so paging is stable. */
public enum SearchSort {
    /** The hybrid score (see docs/search.md); with no query and no brief it reduces to niche match + trust. */
    RELEVANCE(null, true),
    FOLLOWERS(IndexFields.FOLLOWERS, true),
    FOLLOWING(IndexFields.FOLLOWING, true),
    POSTS(IndexFields.POSTS, true),
    ER(IndexFields.ER, true),
    ER_PERCENTILE(IndexFields.ER_PERCENTILE, true),
    TRUST(IndexFields.TRUST, true),
    SUSPICIOUS_SHARE(IndexFields.SUSPICIOUS, false),
    REPLY_RATE(IndexFields.REPLY_RATE, true),
    LAST_SEEN(IndexFields.LAST_SEEN, true),
    HANDLE(IndexFields.HANDLE_SORT, false),
    PLATFORM(IndexFields.PLATFORM, false),
    COUNTRY(IndexFields.COUNTRY, false);

    private final String field;
    private final boolean descendingByDefault;

    SearchSort(String field, boolean descendingByDefault) {
        this.field = field;
        this.descendingByDefault = descendingByDefault;
    }

    String field() {
        return field;
    }

    /** The natural direction: biggest first for metrics, A to Z for text, least suspicious first. */
    public boolean descendingByDefault() {
        return descendingByDefault;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchSort> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    public static String allowedIds() {
        return Arrays.stream(values()).map(SearchSort::id).collect(Collectors.joining(", "));
    }
}
