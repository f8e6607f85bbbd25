package io.microreach.connectors.bluesky;

import java.util.List;

/** One page of a cursor-paginated XRPC list; {@code cursor} is {@code null} on the last page. */
record Page<T>(List<T> items, String cursor) {
    Page {
        items = List.copyOf(items);
    }
}
