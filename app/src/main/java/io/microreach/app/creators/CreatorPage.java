package io.microreach.app.creators;

import java.util.List;

/** A page of the creators list with what the view needs for paging links. */
public record CreatorPage(List<CreatorRow> rows, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
