package io.microreach.connectors.mastodon;

import java.util.List;

/** One page of a list Mastodon pages by {@code max_id}; {@code next} is {@code null} on the last page. */
record Page<T>(List<T> items, String next) {
    Page {
        items = List.copyOf(items);
    }
}
