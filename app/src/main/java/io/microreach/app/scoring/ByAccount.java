package io.microreach.app.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of one table by account. Rows arrive grouped by account (index order), so the list of the previous row's
 * account is kept at hand: one boxed key and one hash lookup per account instead of per row (tens of millions of
 * rows on a large pool).
 */
final class ByAccount<O, T> {
    final Map<Long, List<T>> lists = new HashMap<>();
    private final Map<Long, O> owners;
    private long lastId = Long.MIN_VALUE;
    private List<T> last;
    private O lastOwner;

    /** {@code owners}: what each account's rows need from it (the account, or only its {@code Owner}). */
    ByAccount(Map<Long, O> owners) {
        this.owners = owners;
    }

    /** Moves to {@code accountId}'s rows and returns its owner. */
    O at(long accountId) {
        if (accountId != lastId || last == null) {
            lastId = accountId;
            last = lists.computeIfAbsent(accountId, k -> new ArrayList<>());
            lastOwner = owners.get(accountId);
        }
        return lastOwner;
    }

    void add(T row) {
        last.add(row);
    }

    List<T> of(long accountId) {
        return lists.getOrDefault(accountId, List.of());
    }
}
