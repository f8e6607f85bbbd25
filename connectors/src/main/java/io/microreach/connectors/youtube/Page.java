package io.microreach.connectors.youtube;

import java.util.List;

/** One page of a token-paginated list; {@code nextPageToken} is {@code null} on the last page. */
record Page<T>(List<T> items, String nextPageToken) {
    Page {
        items = List.copyOf(items);
    }
}
