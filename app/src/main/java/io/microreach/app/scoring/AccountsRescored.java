package io.microreach.app.scoring;

import java.util.List;

/**
 * Published (synchronously) after the scorer stored new scorecards, so derived data that depends on accounts and their
 * scores (niches, the search index) can refresh exactly those accounts. Listeners run in {@code @Order}: niche
 * classification before indexing.
 *
 * @param accountIds the accounts whose scorecards were just stored
 * @param wholePool true when every account was rescored (listeners may rebuild instead of updating)
 */
public record AccountsRescored(List<Long> accountIds, boolean wholePool) {
    public AccountsRescored {
        accountIds = List.copyOf(accountIds);
    }
}
