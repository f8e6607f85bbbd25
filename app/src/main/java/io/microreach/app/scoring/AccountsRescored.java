package io.microreach.app.scoring;

import java.util.List;

/**
 * Published (synchronously) after the scorer stored new scorecards, so derived data that depends on accounts and their
 * scores (niches, the search index) can refresh exactly those accounts. Listeners run in {@code @Order}: niche
 * classification before indexing.
 *
 * @param accountIds the accounts whose headline numbers (what search shows and ranks by) were just stored new or
 *     changed, the measured ones included
 * @param wholePool true when every account was rescored (listeners may rebuild instead of updating)
 * @param measured the accounts measured anew because their own data changed: what derives from an account's posts,
 *     comments or followers (niches, audience sketches) needs refreshing for these only
 */
public record AccountsRescored(List<Long> accountIds, boolean wholePool, List<Long> measured) {
    public AccountsRescored {
        accountIds = List.copyOf(accountIds);
        measured = List.copyOf(measured);
    }

    /** Every one of these accounts was measured anew. */
    public AccountsRescored(List<Long> accountIds, boolean wholePool) {
        this(accountIds, wholePool, accountIds);
    }
}
